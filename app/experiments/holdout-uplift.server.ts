import type { Db } from "~/db/client.server";
import { countEnrollmentsByHoldout } from "~/models/enrollment.server";

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

/**
 * What the messages add to what shoppers would have done anyway: the recovery rate of enrollments that
 * were sent messages against that of the holdout, for enrollments abandoned in [from, to). Recovered
 * means one of the enrollment's carts was bought after it counted as abandoned, however long after,
 * judged alike for both groups and so independent of attribution to a message.
 */
export async function holdoutUplift(db: Db, shop: string, period: { from: Date; to: Date }): Promise<HoldoutUplift> {
  const { all, recovered } = await countEnrollmentsByHoldout(db, shop, period);
  const group = (holdout: boolean): GroupRecovery => {
    const enrollments = all.get(holdout) ?? 0;
    const won = recovered.get(holdout) ?? 0;
    return { enrollments, recovered: won, rate: enrollments ? won / enrollments : null };
  };
  const treated = group(false);
  const holdout = group(true);
  return { treated, holdout, uplift: treated.rate !== null && holdout.rate !== null ? treated.rate - holdout.rate : null };
}
