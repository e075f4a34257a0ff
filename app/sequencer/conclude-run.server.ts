import { countSentEmail } from "~/dashboard/count-email.server";
import type { Db } from "~/db/client.server";
import { recordActivity } from "~/models/activity.server";
import { concludeStepRun, type Claim, type RunConclusion } from "~/models/step-run.server";
import type { ActivityKind } from "~/recovery/activity";
import { advanceEnrollment, type EnrollmentProgress } from "./advance-enrollment.server";

const ACTIVITY: Record<RunConclusion["status"], ActivityKind> = { sent: "step_sent", failed: "step_failed", skipped: "step_skipped" };

/**
 * Ends one step run: its final status, the timeline entry saying why, the daily count of a sent email,
 * and the enrollment's next step.
 * Nothing happens if the lease was lost, so a worker that outlived its lease cannot advance anything.
 */
export async function concludeRun(
  db: Db,
  claim: Claim,
  run: { position: number; checkoutId: number | null },
  enrollment: EnrollmentProgress,
  conclusion: RunConclusion,
  now: Date,
  { advance = true }: { advance?: boolean } = {},
): Promise<boolean> {
  // The email step concludes on the bare client: its status, timeline entry, count and next step commit together.
  if ("$transaction" in db) return db.$transaction((tx) => concludeRun(tx, claim, run, enrollment, conclusion, now, { advance }));
  if (!(await concludeStepRun(db, claim, conclusion))) return false;
  await recordActivity(db, claim.shop, {
    kind: ACTIVITY[conclusion.status],
    reason: conclusion.status === "sent" ? null : conclusion.reason,
    stepRunId: claim.id,
    enrollmentId: enrollment.id,
    checkoutId: run.checkoutId ?? enrollment.checkoutId,
    at: now,
    detail: { step: run.position, ...(conclusion.status === "failed" && conclusion.error && { error: conclusion.error }) },
  });
  if (advance) await advanceEnrollment(db, claim.shop, enrollment, run.position, now);
  // Last: every send of the shop's day bumps the same rollup rows, so their row locks are held only
  // until the commit, and concurrent workers (on PostgreSQL) queue on them as briefly as possible.
  if (conclusion.status === "sent") await countSentEmail(db, claim.shop, claim.id);
  return true;
}
