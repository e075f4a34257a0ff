import type { DailyStatCounts } from "~/models/daily-stat.server";

/** How one group's enrollments of a period turned out. */
export interface GroupRecovery {
  enrollments: number;
  recovered: number;
  /** recovered / enrollments; null for an empty group. */
  rate: number | null;
}

export interface HoldoutUplift {
  /** Shoppers sent the sequence's messages. */
  treated: GroupRecovery;
  /** Shoppers scheduled alike but sent nothing. */
  holdout: GroupRecovery;
  /** treated.rate − holdout.rate, as a fraction (0.04 is 4 points); null unless both groups have enrollments. */
  uplift: number | null;
}

type GroupCounts = Pick<DailyStatCounts, "enrolled" | "enrolledRecovered" | "heldOut" | "heldOutRecovered">;

/**
 * What the messages add to what shoppers would have done anyway: the recovery rate of enrollments that
 * were sent messages against that of the holdout, from a period's rollups (enrollments counted on the
 * day they were abandoned). Recovered means the shopper ordered after abandoning, through any of their
 * checkouts and however long after, judged alike for both groups and so independent of attribution.
 */
export function holdoutUplift(counts: GroupCounts): HoldoutUplift {
  const group = (enrollments: number, recovered: number): GroupRecovery => ({ enrollments, recovered, rate: enrollments ? recovered / enrollments : null });
  const treated = group(counts.enrolled, counts.enrolledRecovered);
  const holdout = group(counts.heldOut, counts.heldOutRecovered);
  return { treated, holdout, uplift: treated.rate !== null && holdout.rate !== null ? treated.rate - holdout.rate : null };
}
