/**
 * Calendar days in a shop's timezone, as "YYYY-MM-DD" strings: the key of the daily rollups. Strings
 * sort and compare like the days they name, so a period is a range of them.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: knownTimezone(timezone), year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

// Counting happens inside the engine's transactions: a timezone this runtime does not know must not
// stop checkouts from being enrolled, so it counts in UTC instead.
function knownTimezone(timezone: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
    return timezone;
  } catch {
    return "UTC";
  }
}

/** The day an instant falls on in the timezone. */
export function localDay(instant: Date, timezone: string): string {
  const parts = dayFormatter(timezone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The day `days` after (or before, when negative) the given one. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The first instant of the day in the timezone. Usually its midnight, but where the clocks skip
 * midnight (a spring-forward at 00:00) the day starts when they land, so this searches for the
 * boundary rather than assuming one: every timezone's midnight lies within 15 hours of UTC's.
 */
export function startOfLocalDay(day: string, timezone: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  let before = utcMidnight - 15 * 60 * 60 * 1000;
  let onOrAfter = utcMidnight + 15 * 60 * 60 * 1000;
  while (onOrAfter - before > 1) {
    const middle = Math.floor((before + onOrAfter) / 2);
    if (localDay(new Date(middle), timezone) < day) before = middle;
    else onOrAfter = middle;
  }
  return new Date(onOrAfter);
}
