import { describe, expect, it } from "vitest";
import { addDays, localDay, startOfLocalDay } from "~/dashboard/local-day";

describe("localDay", () => {
  it("is the calendar day on the shop's clock, not UTC's", () => {
    const instant = new Date("2026-11-21T03:30:00Z");
    expect(localDay(instant, "UTC")).toBe("2026-11-21");
    expect(localDay(instant, "America/New_York")).toBe("2026-11-20");
    expect(localDay(instant, "Asia/Seoul")).toBe("2026-11-21");
    expect(localDay(new Date("2026-11-20T15:30:00Z"), "Asia/Seoul")).toBe("2026-11-21");
    expect(localDay(new Date("2026-11-20T10:00:00Z"), "Pacific/Kiritimati")).toBe("2026-11-21");
    expect(localDay(new Date("2026-11-21T11:00:00Z"), "Pacific/Pago_Pago")).toBe("2026-11-21");
    expect(localDay(new Date("2026-11-21T10:59:00Z"), "Pacific/Pago_Pago")).toBe("2026-11-20");
  });

  it("follows daylight saving time: New York is UTC−4 in summer and UTC−5 in winter", () => {
    expect(localDay(new Date("2026-07-01T03:59:00Z"), "America/New_York")).toBe("2026-06-30");
    expect(localDay(new Date("2026-07-01T04:00:00Z"), "America/New_York")).toBe("2026-07-01");
    expect(localDay(new Date("2026-12-01T04:59:00Z"), "America/New_York")).toBe("2026-11-30");
    expect(localDay(new Date("2026-12-01T05:00:00Z"), "America/New_York")).toBe("2026-12-01");
  });

  it("counts in UTC for a timezone the runtime does not know, rather than failing the engine", () => {
    expect(localDay(new Date("2026-11-21T03:30:00Z"), "Mars/Olympus_Mons")).toBe("2026-11-21");
  });
});

describe("startOfLocalDay", () => {
  it("is the local midnight, on either side of a DST change", () => {
    expect(startOfLocalDay("2026-11-20", "America/New_York")).toEqual(new Date("2026-11-20T05:00:00Z"));
    expect(startOfLocalDay("2026-07-01", "America/New_York")).toEqual(new Date("2026-07-01T04:00:00Z"));
    expect(startOfLocalDay("2026-11-21", "Asia/Seoul")).toEqual(new Date("2026-11-20T15:00:00Z"));
    expect(startOfLocalDay("2026-11-21", "Asia/Kolkata")).toEqual(new Date("2026-11-20T18:30:00Z"));
  });

  it("makes the days of a DST change 23 and 25 hours long", () => {
    const hours = (day: string, timezone: string) =>
      (startOfLocalDay(addDays(day, 1), timezone).getTime() - startOfLocalDay(day, timezone).getTime()) / 3_600_000;
    expect(hours("2026-03-08", "America/New_York")).toBe(23);
    expect(hours("2026-11-01", "America/New_York")).toBe(25);
    expect(hours("2026-03-29", "Europe/Berlin")).toBe(23);
  });

  it("starts a day whose midnight the clocks skip when they land (Santiago springs forward at 00:00)", () => {
    // 2026-09-06 in Chile: 00:00 −04 becomes 01:00 −03, so the day begins at 04:00 UTC.
    const start = startOfLocalDay("2026-09-06", "America/Santiago");
    expect(start).toEqual(new Date("2026-09-06T04:00:00Z"));
    expect(localDay(new Date(start.getTime() - 1), "America/Santiago")).toBe("2026-09-05");
  });
});

describe("addDays", () => {
  it("moves across months, years and leap days", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-11-21", -89)).toBe("2026-08-24");
  });
});
