import type { Db } from "~/db/client.server";
import { bumpDailyStats } from "~/models/daily-stat.server";
import { localDay } from "./local-day";

/**
 * Counts an enrollment as recovered, in its group, on the day it was abandoned: the holdout comparison
 * then reads the recovery rate of a period's enrollments from the same rows as their number.
 */
export async function countEnrollmentRecovery(db: Db, { domain, timezone }: { domain: string; timezone: string }, enrollment: { abandonedAt: Date; holdout: boolean }): Promise<void> {
  await bumpDailyStats(db, domain, { day: localDay(enrollment.abandonedAt, timezone) }, enrollment.holdout ? { heldOutRecovered: 1 } : { enrolledRecovered: 1 });
}
