import { addDays, localDay, startOfLocalDay } from "./local-day";

export const PERIOD_LENGTHS = [7, 30, 90] as const;
export type PeriodLength = (typeof PERIOD_LENGTHS)[number];
export const DEFAULT_PERIOD_LENGTH: PeriodLength = 30;

/** The `period` search parameter; anything but a known length shows the default. */
export function parsePeriodLength(value: string | null): PeriodLength {
  return PERIOD_LENGTHS.find((length) => String(length) === value) ?? DEFAULT_PERIOD_LENGTH;
}

export interface DashboardPeriod {
  length: PeriodLength;
  /** Every day of the period in the shop's timezone, oldest first, today last. */
  days: string[];
  /** The same period as instants, [from, to): from the first day's start to the end of today. */
  from: Date;
  to: Date;
}

/** The last `length` days up to and including today, in the shop's timezone. */
export function dashboardPeriod(length: PeriodLength, now: Date, timezone: string): DashboardPeriod {
  const today = localDay(now, timezone);
  const first = addDays(today, 1 - length);
  return {
    length,
    days: Array.from({ length }, (_, index) => addDays(first, index)),
    from: startOfLocalDay(first, timezone),
    to: startOfLocalDay(addDays(today, 1), timezone),
  };
}
