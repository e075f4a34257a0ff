import { logger } from "~/lib/logger.server";
import { recordActivity } from "~/models/activity.server";
import { awaitProviderConfirmation, reschedule, type Claim } from "~/models/step-run.server";
import { concludeRun } from "./conclude-run.server";
import { retryDelayMs, retryGivesUp } from "./retry-policy";
import type { Clock, SequencerServices } from "./sequencer-services";
import type { StepContext } from "./step-context.server";

export type SendOutcome = "sent" | "retrying" | "unconfirmed" | "failed" | "lost";

/**
 * The ways a send can end other than sent: failing now, trying again later until the retry window
 * closes, or waiting for SendGrid's events to say whether a send it never answered went out.
 */
export function stepOutcomes(services: SequencerServices, claim: Claim, { run, enrollment, shop, checkout }: StepContext, clock: Clock) {
  const where = { position: run.position, checkoutId: checkout.id };
  const fail = async (reason: string, error?: string): Promise<SendOutcome> => {
    await concludeRun(services.db, claim, where, enrollment, { status: "failed", reason, error }, clock());
    return "failed";
  };
  const retryLater = async (reason: string, error: string, retryAfterMs?: number): Promise<SendOutcome> => {
    const now = clock();
    const retryAt = new Date(now.getTime() + retryDelayMs(run.attempts + 1, retryAfterMs, services.random));
    if (retryGivesUp(run.scheduledAt, retryAt)) return fail(reason, error);
    logger.warn("Step will be retried", { shop: shop.domain, stepRunId: run.id, reason, error, retryAt });
    await reschedule(services.db, claim, retryAt, error);
    await recordActivity(services.db, shop.domain, {
      kind: "step_retrying",
      reason,
      stepRunId: run.id,
      enrollmentId: enrollment.id,
      checkoutId: checkout.id,
      at: now,
      detail: { step: run.position, error, retryAt: retryAt.toISOString() },
    });
    return "retrying";
  };
  const awaitConfirmation = async (error: string): Promise<SendOutcome> => {
    const now = clock();
    if (!(await awaitProviderConfirmation(services.db, claim, now, error))) return "lost";
    logger.warn("Send unconfirmed, left to reconciliation", { shop: shop.domain, stepRunId: run.id, error });
    await recordActivity(services.db, shop.domain, {
      kind: "step_unconfirmed",
      stepRunId: run.id,
      enrollmentId: enrollment.id,
      checkoutId: checkout.id,
      at: now,
      detail: { step: run.position, error },
    });
    return "unconfirmed";
  };
  return { where, fail, retryLater, awaitConfirmation };
}
