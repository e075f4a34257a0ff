import type { Db } from "~/db/client.server";
import { recordActivity } from "~/models/activity.server";
import { endEnrollment } from "~/models/enrollment.server";
import { sequenceVersionWithSteps } from "~/models/sequence.server";
import { scheduleStepRun } from "~/models/step-run.server";

export interface EnrollmentProgress {
  id: number;
  checkoutId: number;
  sequenceVersionId: number;
  abandonedAt: Date;
}

/**
 * Schedules the enrollment's next enabled step after `afterPosition`, due its delay after the
 * abandonment (or now, if that moment has passed), or completes the enrollment after its last step.
 * Steps come from the version the enrollment started on, whatever was edited since.
 */
export async function advanceEnrollment(db: Db, shop: string, enrollment: EnrollmentProgress, afterPosition: number, now: Date): Promise<void> {
  const version = await sequenceVersionWithSteps(db, shop, enrollment.sequenceVersionId);
  const next = version?.steps.find((step) => step.position > afterPosition && step.enabled);
  if (!next) {
    if (await endEnrollment(db, shop, enrollment.id, { status: "completed" }, now)) {
      await recordActivity(db, shop, { kind: "enrollment_completed", enrollmentId: enrollment.id, checkoutId: enrollment.checkoutId, at: now });
    }
    return;
  }
  const due = new Date(Math.max(enrollment.abandonedAt.getTime() + next.delayMinutes * 60_000, now.getTime()));
  await scheduleStepRun(db, shop, enrollment.id, next, due);
}
