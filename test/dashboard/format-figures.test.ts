import { describe, expect, it } from "vitest";
import { formatCount, formatDay, formatDelay, formatList, formatPoints, formatRate } from "~/dashboard/format-figures";

describe("the dashboard's formatting", () => {
  it("writes counts and rates the admin's way, and no rate without a base", () => {
    expect(formatCount(12345, "en")).toBe("12,345");
    expect(formatRate(0.21875, "en")).toBe("21.9%");
    expect(formatRate(0.5, "ko")).toBe("50%");
    expect(formatRate(null, "en")).toBeNull();
  });

  it("signs an uplift in percentage points", () => {
    expect(formatPoints(0.042, "en")).toBe("+4.2");
    expect(formatPoints(-0.01, "en")).toBe("-1");
    expect(formatPoints(0, "en")).toBe("0");
  });

  it("keeps a rollup day on its date in any runtime timezone", () => {
    expect(formatDay("2026-11-20", "en")).toBe("Nov 20");
    expect(formatDay("2026-11-20", "ko")).toBe("11월 20일");
  });

  it("says step delays in hours when they are whole hours", () => {
    expect(
      formatList(
        [60, 24 * 60, 72 * 60].map((minutes) => formatDelay(minutes, "en")),
        "en",
      ),
    ).toBe("1 hour, 24 hours, and 72 hours");
    expect(formatDelay(90, "en")).toBe("90 minutes");
    expect(formatDelay(24 * 60, "ko")).toBe("24시간");
  });
});
