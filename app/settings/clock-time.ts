const HOURS_MINUTES = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 1260 → "21:00": a minute after local midnight as a 24-hour clock time. */
export function minuteToClockTime(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** "21:00" → 1260; null for anything but a 24-hour HH:MM from 00:00 to 23:59. */
export function clockTimeToMinute(text: string): number | null {
  const match = HOURS_MINUTES.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
