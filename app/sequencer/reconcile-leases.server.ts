import { recordActivity } from "~/models/activity.server";
import { findEnrollment } from "~/models/enrollment.server";
import { providerProcessedSince } from "~/models/message-event.server";
import { expiredLeases, findStepRun, sendReachedChannel, reschedule, takeOverLease, type Claim } from "~/models/step-run.server";
import { concludeRun } from "./conclude-run.server";
import { retryGivesUp } from "./retry-policy";
import type { Clock, SequencerServices } from "./sequencer-services";

/** How long SendGrid's events may take to prove that a send interrupted by a crash went out. */
export const RECONCILE_GRACE_MS = 15 * 60_000;

/**
 * SendGrid takes a request, if at all, while it is being made: within the client's timeout (15 s)
 * of the send's start. A message it processed later than this was handed over after ours.
 */
export const ACCEPTANCE_WINDOW_MS = 60_000;

/**
 * Settles step runs whose worker died holding them, or whose send SendGrid never confirmed. Blindly
 * sending again could email twice, so: a run that never reached the provider goes back in the queue;
 * one that did is marked sent as soon as SendGrid reports any event for it. Without one after the
 * grace period, an email is sent again only if SendGrid has since reported processing later
 * messages, which shows it never took this one; otherwise the run fails with "outcome_unknown".
 */
export async function reconcileExpiredLeases(services: SequencerServices, clock: Clock, leaseId: () => string, leaseMs: number, batchSize: number): Promise<number> {
  const { db } = services;
  let reconciled = 0;
  for (const expired of await expiredLeases(db, clock(), batchSize)) {
    const now = clock();
    const claim = await takeOverLease(db, expired, leaseId(), now, leaseMs);
    if (!claim) continue;
    if (!expired.sendStartedAt) {
      // Nothing reached the provider: the run is simply due again, as it was.
      if (await reschedule(db, claim, expired.dueAt)) reconciled += 1;
      continue;
    }
    if (await settleStartedSend(services, claim, { ...expired, sendStartedAt: expired.sendStartedAt }, now)) reconciled += 1;
  }
  return reconciled;
}

/** False while the grace period lasts: the lease runs out again and the next reconciliation looks again. */
async function settleStartedSend(services: SequencerServices, claim: Claim, expired: { sendStartedAt: Date; dueAt: Date; channel: string }, now: Date): Promise<boolean> {
  const { db } = services;
  const run = (await findStepRun(db, claim.shop, claim.id))!;
  const enrollment = (await findEnrollment(db, claim.shop, run.enrollmentId))!;
  const where = { position: run.position, checkoutId: run.checkoutId };
  if (await sendReachedChannel(db, claim.shop, claim.id)) {
    const sent = { status: "sent" as const, providerMessageId: null, sentAt: expired.sendStartedAt };
    return db.$transaction((tx) => concludeRun(tx, claim, where, enrollment, sent, now));
  }
  if (now.getTime() - expired.sendStartedAt.getTime() < RECONCILE_GRACE_MS) return false;

  const laterMessagesReported = expired.channel === "email" && (await providerProcessedSince(db, new Date(expired.sendStartedAt.getTime() + ACCEPTANCE_WINDOW_MS)));
  if (laterMessagesReported && !retryGivesUp(run.scheduledAt, now)) {
    // Due as it was, so this very tick sends it.
    if (!(await reschedule(db, claim, expired.dueAt, run.error))) return false;
    await recordActivity(db, claim.shop, {
      kind: "step_retrying",
      reason: "not_accepted",
      stepRunId: run.id,
      enrollmentId: enrollment.id,
      checkoutId: run.checkoutId ?? enrollment.checkoutId,
      at: now,
      detail: { step: run.position, retryAt: now.toISOString(), ...(run.error && { error: run.error }) },
    });
    return true;
  }
  const unknown = { status: "failed" as const, reason: "outcome_unknown", error: "Not confirmed as sent, and not sent again to avoid a duplicate" };
  return db.$transaction((tx) => concludeRun(tx, claim, where, enrollment, unknown, now));
}
