import { findEnrollment } from "~/models/enrollment.server";
import { expiredLeases, findStepRun, sendReachedChannel, reschedule, takeOverLease } from "~/models/step-run.server";
import { concludeRun } from "./conclude-run.server";
import type { Clock, SequencerServices } from "./sequencer-services";

/** How long SendGrid's events may take to prove that a send interrupted by a crash went out. */
export const RECONCILE_GRACE_MS = 15 * 60_000;

/**
 * Settles step runs whose worker died holding them. Blindly sending again could email twice, so:
 * a run that never reached the provider goes back in the queue; one that did is marked sent as soon
 * as SendGrid reports any event for it, and failed with "outcome_unknown" if none arrives in time.
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
    const run = (await findStepRun(db, claim.shop, claim.id))!;
    const enrollment = (await findEnrollment(db, claim.shop, run.enrollmentId))!;
    const where = { position: run.position, checkoutId: run.checkoutId };
    if (await sendReachedChannel(db, claim.shop, claim.id)) {
      const sent = { status: "sent" as const, providerMessageId: null, sentAt: expired.sendStartedAt };
      if (await db.$transaction((tx) => concludeRun(tx, claim, where, enrollment, sent, now))) reconciled += 1;
    } else if (now.getTime() - expired.sendStartedAt.getTime() >= RECONCILE_GRACE_MS) {
      const unknown = { status: "failed" as const, reason: "outcome_unknown", error: "The worker stopped while sending; not resent to avoid a duplicate" };
      if (await db.$transaction((tx) => concludeRun(tx, claim, where, enrollment, unknown, now))) reconciled += 1;
    }
  }
  return reconciled;
}
