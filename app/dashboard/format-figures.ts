/** The dashboard's numbers, dates and durations in the admin's language, with Intl. */

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A fraction as a percentage, "12.5%"; null (nothing to divide by) as null. */
export function formatRate(rate: number | null, locale: string): string | null {
  return rate === null ? null : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(rate);
}

/** A difference of two rates in percentage points, signed: 0.042 → "+4.2". */
export function formatPoints(difference: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(difference * 100);
}

/** A rollup day ("2026-11-20") as the admin reads a date: "Nov 20", "11월 20일". */
export function formatDay(day: string, locale: string): string {
  // The day is already the shop's; formatting it at UTC midnight in UTC keeps it the same day.
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

/** A step delay: whole hours as hours ("24 hours", "24시간"), anything else in minutes. */
export function formatDelay(minutes: number, locale: string): string {
  const [value, unit] = minutes % 60 === 0 ? [minutes / 60, "hour"] : [minutes, "minute"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
}

export function formatList(items: string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(items);
}
