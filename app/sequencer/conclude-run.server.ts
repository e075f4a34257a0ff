import { countSentEmails } from "~/dashboard/count-email.server";
import type { Db } from "~/db/client.server";
import { directTransaction, type RawSql } from "~/db/direct-transaction.server";
import { recordActivities } from "~/models/activity.server";
import { concludeStepRuns, type Claim, type RunConclusion } from "~/models/step-run.server";
import type { ActivityKind } from "~/recovery/activity";
import { advanceEnrollments, type EnrollmentProgress } from "./advance-enrollment.server";

const ACTIVITY: Record<RunConclusion["status"], ActivityKind> = { sent: "step_sent", failed: "step_failed", skipped: "step_skipped" };

export interface RunToConclude {
  claim: Claim;
  run: { position: number; checkoutId: number | null };
  enrollment: EnrollmentProgress;
  conclusion: RunConclusion;
  now: Date;
  /** False when the enrollment was stopped with the run: it has no next step. */
  advance?: boolean;
}

/**
 * Ends step runs, of any shops, together: each run's final status, the timeline entries saying why,
 * the daily counts of sent emails, and the enrollments' next steps, in one transaction and a few
 * statements however many runs there are. A run whose lease was lost is left alone, so a worker that
 * outlived its lease cannot advance anything: its answer is false.
 */
export function concludeRuns(db: Db | RawSql, runs: RunToConclude[]): Promise<boolean[]> {
  return directTransaction(db, (tx) => concludeAll(tx, runs));
}

async function concludeAll(db: RawSql, runs: RunToConclude[]): Promise<boolean[]> {
  const concluded = await concludeStepRuns(db, runs);
  const ended = runs.filter((_, index) => concluded[index]);
  await recordActivities(
    db,
    ended.map(({ claim, run, enrollment, conclusion, now }) => ({
      shop: claim.shop,
      kind: ACTIVITY[conclusion.status],
      reason: conclusion.status === "sent" ? null : conclusion.reason,
      stepRunId: claim.id,
      enrollmentId: enrollment.id,
      checkoutId: run.checkoutId ?? enrollment.checkoutId,
      at: now,
      detail: { step: run.position, ...(conclusion.status === "failed" && conclusion.error && { error: conclusion.error }) },
    })),
  );
  const advancing = ended.filter(({ advance = true }) => advance);
  await advanceEnrollments(db, advancing.map(({ claim, run, enrollment, now }) => ({ shop: claim.shop, enrollment, afterPosition: run.position, now })));
  // Last: every send of the shop's day bumps the same rollup rows, so their row locks are held only
  // until the commit, and concurrent workers (on PostgreSQL) queue on them as briefly as possible.
  await countSentEmails(db, runs.flatMap(({ claim }, index) => (concluded[index] ? [{ ...concluded[index], shop: claim.shop }] : [])));
  return concluded.map(Boolean);
}

/** Ends one step run: concludeRuns for a single run. */
export async function concludeRun(
  db: Db,
  claim: Claim,
  run: { position: number; checkoutId: number | null },
  enrollment: EnrollmentProgress,
  conclusion: RunConclusion,
  now: Date,
  { advance = true }: { advance?: boolean } = {},
): Promise<boolean> {
  const [concluded] = await concludeRuns(db, [{ claim, run, enrollment, conclusion, now, advance }]);
  return concluded!;
}
