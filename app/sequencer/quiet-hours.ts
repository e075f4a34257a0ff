export interface QuietHours {
  timezone: string;
  /** Minutes after local midnight; the window may wrap past midnight (21:00–08:00). */
  startMinute: number | null;
  endMinute: number | null;
}

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/** The moment the quiet window that contains `now` ends, or null when `now` is not inside one. */
export function endOfQuietHours(now: Date, quiet: QuietHours): Date | null {
  const { startMinute: start, endMinute: end, timezone } = quiet;
  if (start === null || end === null || start === end) return null;
  const local = localMinuteOfDay(now, timezone);
  const inside = start < end ? local >= start && local < end : local >= start || local < end;
  if (!inside) return null;

  const minutesLeft = (end - local + DAY_MINUTES) % DAY_MINUTES;
  const candidate = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE + minutesLeft * MINUTE);
  // A daylight-saving change inside the window moves the local clock; land on the local end minute.
  const drift = nearestSignedMinutes(localMinuteOfDay(candidate, timezone) - end);
  return new Date(candidate.getTime() - drift * MINUTE);
}

/** A difference of clock minutes, taken the short way round the day: 1380 becomes -60. */
function nearestSignedMinutes(minutes: number): number {
  const half = DAY_MINUTES / 2;
  return ((((minutes + half) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES) - half;
}

// One formatter per timezone: building one costs far more than using it, and every send-time check needs it.
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function clockFormat(timezone: string): Intl.DateTimeFormat {
  let format = clockFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: timezone, hour: "numeric", minute: "numeric", hourCycle: "h23" });
    clockFormats.set(timezone, format);
  }
  return format;
}

function localMinuteOfDay(at: Date, timezone: string): number {
  const parts = clockFormat(timezone).formatToParts(at);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value("hour") * 60 + value("minute");
}
