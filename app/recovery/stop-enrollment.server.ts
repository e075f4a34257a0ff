import type { Db } from "~/db/client.server";
import { recordActivity } from "~/models/activity.server";
import { stopRunningEnrollment } from "~/models/enrollment.server";
import { cancelScheduledRuns } from "~/models/step-run.server";
import type { StopReason } from "./activity";

/**
 * Stops a running enrollment for good: its scheduled step never runs, and the timeline says why.
 * Returns false when it had already ended.
 */
export async function stopEnrollment(
  db: Db,
  shop: string,
  enrollment: { id: number; checkoutId: number },
  reason: StopReason,
  at: Date,
): Promise<boolean> {
  if (!(await stopRunningEnrollment(db, shop, enrollment.id, reason, at))) return false;
  await cancelScheduledRuns(db, shop, enrollment.id, reason);
  await recordActivity(db, shop, { kind: "enrollment_stopped", reason, enrollmentId: enrollment.id, checkoutId: enrollment.checkoutId, at });
  return true;
}
