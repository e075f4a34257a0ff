import { messageLinks } from "~/links/message-links.server";
import { markSendStarted, type Claim } from "~/models/step-run.server";
import { enqueueStepDelivery, renderDestinationPayload } from "~/outbound/deliveries.server";
import { buildPayloadContext } from "~/outbound/payload-context";
import { PayloadTemplateError } from "~/outbound/payload-template";
import { concludeRun } from "./conclude-run.server";
import type { Clock, SequencerServices } from "./sequencer-services";
import type { StepContext } from "./step-context.server";
import { offerStepDiscount } from "./step-discount.server";
import { stepOutcomes, type SendOutcome } from "./step-outcomes.server";

/**
 * Hands the step to its destination: renders the payload for the newest cart and queues one delivery
 * under one webhook-id, which the delivery worker then sends, retries and dead-letters. Queueing, the
 * send record and its conclusion commit together, so a crash leaves either nothing or a queued delivery.
 */
export async function sendWebhookStep(services: SequencerServices, claim: Claim, context: StepContext, clock: Clock): Promise<SendOutcome> {
  const { run, enrollment, step, shop, checkout } = context;
  const outcomes = stepOutcomes(services, claim, context, clock);
  const destination = step.destination!;

  const offer = await offerStepDiscount(services, context, clock, outcomes);
  if ("ended" in offer) return offer.ended;

  let payload: string;
  try {
    const { recoveryUrl } = messageLinks(run.id, clock());
    const payloadContext = buildPayloadContext({ event: "step", occurredAt: clock(), shop, checkout, recoveryUrl, stepNumber: run.position, discount: offer.discount });
    payload = await renderDestinationPayload(destination, payloadContext);
  } catch (error) {
    if (!(error instanceof PayloadTemplateError)) throw error;
    return outcomes.fail("payload_template_error", error.line ? `line ${error.line}: ${error.message}` : error.message);
  }

  const queued = await services.db.$transaction(async (tx) => {
    const attempt = { checkoutId: checkout.id, recipientHash: null, locale: null, variantId: null };
    if (!(await markSendStarted(tx, claim, attempt, clock()))) return false;
    const now = clock();
    const { messageId } = await enqueueStepDelivery(tx, shop.domain, { stepRunId: run.id, destinationId: destination.id, payload, checkoutId: checkout.id, now });
    return concludeRun(tx, claim, outcomes.where, enrollment, { status: "sent", providerMessageId: messageId, sentAt: now }, now);
  });
  return queued ? "sent" : "lost";
}
