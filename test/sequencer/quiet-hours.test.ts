import { describe, expect, it } from "vitest";
import { endOfQuietHours } from "~/sequencer/quiet-hours";

const NIGHT = { timezone: "America/New_York", startMinute: 21 * 60, endMinute: 8 * 60 };

describe("endOfQuietHours", () => {
  it("lets a step through outside the window", () => {
    expect(endOfQuietHours(new Date("2026-11-20T15:00:00Z"), NIGHT)).toBeNull(); // 10:00 in New York
  });

  it("holds a step due late in the evening until 08:00 next morning, shop time", () => {
    expect(endOfQuietHours(new Date("2026-11-21T03:30:00Z"), NIGHT)).toEqual(new Date("2026-11-21T13:00:00Z")); // 22:30 → 08:00
  });

  it("holds a step due after midnight until 08:00 the same morning", () => {
    expect(endOfQuietHours(new Date("2026-11-21T07:59:00Z"), NIGHT)).toEqual(new Date("2026-11-21T13:00:00Z")); // 02:59
  });

  it("treats the window's start as inside and its end as outside", () => {
    expect(endOfQuietHours(new Date("2026-11-21T02:00:00Z"), NIGHT)).not.toBeNull(); // 21:00
    expect(endOfQuietHours(new Date("2026-11-21T13:00:00Z"), NIGHT)).toBeNull(); // 08:00
  });

  it("ends at 08:00 local time across a daylight-saving change", () => {
    // New York springs forward at 02:00 on 2026-03-08: 08:00 EDT is 12:00 UTC.
    expect(endOfQuietHours(new Date("2026-03-08T03:00:00Z"), NIGHT)).toEqual(new Date("2026-03-08T12:00:00Z"));
    // and falls back at 02:00 on 2026-11-01: 08:00 EST is 13:00 UTC.
    expect(endOfQuietHours(new Date("2026-11-01T02:30:00Z"), NIGHT)).toEqual(new Date("2026-11-01T13:00:00Z"));
  });

  it("supports a window inside one day and no window at all", () => {
    const lunch = { timezone: "Asia/Seoul", startMinute: 12 * 60, endMinute: 13 * 60 };
    expect(endOfQuietHours(new Date("2026-11-21T03:30:00Z"), lunch)).toEqual(new Date("2026-11-21T04:00:00Z")); // 12:30 KST
    expect(endOfQuietHours(new Date("2026-11-21T03:30:00Z"), { ...NIGHT, startMinute: null, endMinute: null })).toBeNull();
  });
});
