import { describe, expect, it } from "vitest";
import { clockTimeToMinute, minuteToClockTime } from "~/settings/clock-time";

describe("clock times of quiet hours", () => {
  it("write minutes after midnight as HH:MM", () => {
    expect(minuteToClockTime(0)).toBe("00:00");
    expect(minuteToClockTime(8 * 60)).toBe("08:00");
    expect(minuteToClockTime(21 * 60 + 5)).toBe("21:05");
    expect(minuteToClockTime(24 * 60 - 1)).toBe("23:59");
  });

  it("read HH:MM back as minutes after midnight", () => {
    expect(clockTimeToMinute("00:00")).toBe(0);
    expect(clockTimeToMinute("08:00")).toBe(480);
    expect(clockTimeToMinute(" 21:05 ")).toBe(1265);
    expect(clockTimeToMinute("23:59")).toBe(1439);
  });

  it("round-trip every minute of the day", () => {
    for (let minute = 0; minute < 24 * 60; minute++) expect(clockTimeToMinute(minuteToClockTime(minute))).toBe(minute);
  });

  it("refuse anything but a 24-hour HH:MM", () => {
    for (const text of ["24:00", "8:00", "08:60", "0800", "08:00:00", "9pm", "", "-1:00"]) expect(clockTimeToMinute(text)).toBeNull();
  });
});
