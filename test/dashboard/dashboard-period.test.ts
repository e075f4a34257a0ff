import { describe, expect, it } from "vitest";
import { dashboardPeriod, parsePeriodLength } from "~/dashboard/dashboard-period";

describe("dashboardPeriod", () => {
  it("ends today in the shop's timezone, whatever day it is in UTC", () => {
    // 01:30 on 22 November in Seoul, still the 21st in UTC.
    const period = dashboardPeriod(7, new Date("2026-11-21T16:30:00Z"), "Asia/Seoul");

    expect(period.days).toEqual(["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"]);
    expect(period.from).toEqual(new Date("2026-11-15T15:00:00Z"));
    expect(period.to).toEqual(new Date("2026-11-22T15:00:00Z"));
  });

  it("spans the DST change in New York: 90 local days are not 90 × 24 hours", () => {
    const period = dashboardPeriod(90, new Date("2026-11-21T12:00:00Z"), "America/New_York");

    expect(period.days).toHaveLength(90);
    expect(period.days[0]).toBe("2026-08-24");
    expect(period.from).toEqual(new Date("2026-08-24T04:00:00Z"));
    expect(period.to).toEqual(new Date("2026-11-22T05:00:00Z"));
  });
});

describe("parsePeriodLength", () => {
  it("accepts 7, 30 and 90 days and shows 30 for anything else", () => {
    expect(parsePeriodLength("7")).toBe(7);
    expect(parsePeriodLength("90")).toBe(90);
    expect(parsePeriodLength(null)).toBe(30);
    expect(parsePeriodLength("365")).toBe(30);
    expect(parsePeriodLength("7.0")).toBe(30);
  });
});
