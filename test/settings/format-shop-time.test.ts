import { describe, expect, it } from "vitest";
import { formatShopTime } from "~/settings/format-shop-time";

describe("formatShopTime", () => {
  it("shows an instant in the shop's timezone, in the admin's language", () => {
    expect(formatShopTime("2026-11-21T02:30:00Z", "America/New_York", "en")).toBe("Nov 20, 2026, 9:30 PM");
    expect(formatShopTime("2026-11-21T02:30:00Z", "Asia/Seoul", "ko")).toBe("2026. 11. 21. 오전 11:30");
  });
});
