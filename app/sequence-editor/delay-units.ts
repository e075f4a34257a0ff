export const DELAY_UNITS = ["minutes", "hours", "days"] as const;
export type DelayUnit = (typeof DELAY_UNITS)[number];

export const MINUTES_PER_UNIT: Record<DelayUnit, number> = { minutes: 1, hours: 60, days: 24 * 60 };

/** A delay in the largest unit that states it exactly: 2880 → 2 days, 90 → 90 minutes. */
export function delayInUnits(minutes: number): { amount: number; unit: DelayUnit } {
  const unit = [...DELAY_UNITS].reverse().find((candidate) => minutes % MINUTES_PER_UNIT[candidate] === 0) ?? "minutes";
  return { amount: minutes / MINUTES_PER_UNIT[unit], unit };
}
