import { describe, expect, it } from "vitest";
import { abandonmentCheckTime } from "~/recovery/abandonment";

const updated = new Date("2026-11-20T15:00:00Z");

describe("abandonmentCheckTime", () => {
  it("is the shop's threshold after Shopify's last update", () => {
    expect(abandonmentCheckTime({ email: "ann@example.com", phone: null, completedAt: null, shopifyUpdatedAt: updated }, 10)).toEqual(
      new Date("2026-11-20T15:10:00Z"),
    );
  });

  it("applies to a checkout with only a phone number", () => {
    expect(abandonmentCheckTime({ email: null, phone: "+15025550142", completedAt: null, shopifyUpdatedAt: updated }, 30)).toEqual(
      new Date("2026-11-20T15:30:00Z"),
    );
  });

  it("never applies to a checkout we cannot reach, or one that completed", () => {
    expect(abandonmentCheckTime({ email: null, phone: null, completedAt: null, shopifyUpdatedAt: updated }, 10)).toBeNull();
    expect(abandonmentCheckTime({ email: "ann@example.com", phone: null, completedAt: updated, shopifyUpdatedAt: updated }, 10)).toBeNull();
  });
});
