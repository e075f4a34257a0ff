import type { DailyStatRow } from "~/models/daily-stat.server";

export interface DayFigures {
  day: string;
  abandoned: number;
  /** Orders recovered after a recovery-link click. */
  recovered: number;
}

/** One entry per day of the period, zeros included, from the shop's total rows (position 0, variant 0). */
export function dailySeries(days: string[], rows: DailyStatRow[]): DayFigures[] {
  const totals = new Map(rows.filter((row) => row.position === 0 && row.variantId === 0).map((row) => [row.day, row]));
  return days.map((day) => ({ day, abandoned: totals.get(day)?.abandoned ?? 0, recovered: totals.get(day)?.recoveredOrders ?? 0 }));
}
