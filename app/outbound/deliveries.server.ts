import type { Db } from "~/db/client.server";
import { logger } from "~/lib/logger.server";
import { findCheckout } from "~/models/checkout.server";
import { findShop } from "~/models/shop.server";
import {
  createDelivery,
  deadDeliveries,
  eraseDeliveriesOfCheckouts,
  findDeliveryByDedupeKey,
  findDeliveryByStepRun,
  findDeliveryWithAttempts,
  isDuplicateDelivery,
  replayDeadDelivery,
  type NewDelivery,
} from "~/models/webhook-delivery.server";
import { destinationsSubscribedTo, findDestinationRecord } from "~/models/webhook-destination.server";
import type { OutboundEvent } from "./outbound-events";
import { buildPayloadContext, type PayloadContext } from "./payload-context";
import { PayloadTemplateError, renderPayload } from "./payload-template";
import { generateMessageId } from "./standard-webhooks";

/**
 * The destination's payload for one context: JSON text to hand to enqueueStepDelivery. Throws a
 * PayloadTemplateError (with the template line for Liquid errors) when the template fails or does
 * not produce JSON; the step then fails with a reason the merchant can act on.
 *
 * A webhook step is: buildPayloadContext → renderDestinationPayload → enqueueStepDelivery, whose
 * messageId is the step run's providerMessageId. deliverDueWebhooks sends it.
 */
export function renderDestinationPayload(destination: { payloadTemplate: string }, context: PayloadContext): Promise<string> {
  return renderPayload(destination.payloadTemplate, context);
}

export interface StepDelivery {
  stepRunId: number;
  destinationId: number;
  /** Rendered JSON, frozen: every attempt and replay sends these bytes. */
  payload: string;
  checkoutId: number;
  now: Date;
}

/**
 * Queues the step's delivery, due now. One per step run: called again (a retried step, a worker that
 * crashed after enqueueing) it returns the delivery already made, so a step never goes out twice
 * under two ids.
 */
export async function enqueueStepDelivery(db: Db, shop: string, { stepRunId, destinationId, payload, checkoutId, now }: StepDelivery): Promise<{ messageId: string }> {
  const existing = await findDeliveryByStepRun(db, shop, stepRunId);
  if (existing) return { messageId: existing.messageId };
  if (!(await findDestinationRecord(db, shop, destinationId))) throw new RangeError(`Shop ${shop} has no webhook destination ${destinationId}`);
  // Throws on anything but JSON: the ledger must never hold a payload a receiver cannot parse.
  JSON.parse(payload);
  const delivery = { destinationId, messageId: generateMessageId(), event: "step", stepRunId, checkoutId, payload, createdAt: now, nextAttemptAt: now };
  return createOnce(db, shop, delivery, () => findDeliveryByStepRun(db, shop, stepRunId));
}

export interface EnqueuedEvent {
  messageIds: string[];
  /** Subscribed destinations whose template failed for this checkout: nothing was queued for them. */
  templateErrors: Array<{ destinationId: number; error: string }>;
}

/**
 * Queues the event for every enabled destination subscribed to it, each due now. Once per destination,
 * event and checkout: a repeated call (a redelivered Shopify webhook) queues nothing new.
 */
export async function enqueueCheckoutEvent(db: Db, shop: string, event: OutboundEvent, { checkoutId, now }: { checkoutId: number; now: Date }): Promise<EnqueuedEvent> {
  const queued: EnqueuedEvent = { messageIds: [], templateErrors: [] };
  const [shopRecord, checkout] = await Promise.all([findShop(db, shop), findCheckout(db, shop, checkoutId)]);
  if (!shopRecord || !checkout) return queued;
  for (const destination of await destinationsSubscribedTo(db, shop, event)) {
    const dedupeKey = `${destination.id}:${event}:${checkout.id}`;
    const existing = await findDeliveryByDedupeKey(db, shop, dedupeKey);
    if (existing) {
      queued.messageIds.push(existing.messageId);
      continue;
    }
    const context = buildPayloadContext({ event, occurredAt: now, shop: shopRecord, checkout, recoveryUrl: checkout.recoveryUrl, stepNumber: null });
    let payload: string;
    try {
      payload = await renderPayload(destination.payloadTemplate, context);
    } catch (error) {
      if (!(error instanceof PayloadTemplateError)) throw error;
      logger.warn("Webhook destination template failed", { shop, destinationId: destination.id, event, error: error.message });
      queued.templateErrors.push({ destinationId: destination.id, error: error.message });
      continue;
    }
    const delivery = { destinationId: destination.id, messageId: generateMessageId(), event, dedupeKey, checkoutId: checkout.id, payload, createdAt: now, nextAttemptAt: now };
    const { messageId } = await createOnce(db, shop, delivery, () => findDeliveryByDedupeKey(db, shop, dedupeKey));
    queued.messageIds.push(messageId);
  }
  return queued;
}

/** Creates the delivery, or, when a concurrent caller created it first, returns that one. */
async function createOnce(db: Db, shop: string, delivery: NewDelivery, existing: () => Promise<{ messageId: string } | null>): Promise<{ messageId: string }> {
  try {
    const { messageId } = await createDelivery(db, shop, delivery);
    return { messageId };
  } catch (error) {
    const winner = isDuplicateDelivery(error) ? await existing() : null;
    if (!winner) throw error;
    return { messageId: winner.messageId };
  }
}

/** Sends a dead delivery again, from now, under its original webhook-id. False when it is not on the dead-letter list or was erased. */
export function replayDelivery(db: Db, shop: string, deliveryId: number, now: Date): Promise<boolean> {
  return replayDeadDelivery(db, shop, deliveryId, now);
}

const DEAD_LETTERS_SHOWN = 100;

export function listDeadLetters(db: Db, shop: string) {
  return deadDeliveries(db, shop, DEAD_LETTERS_SHOWN);
}

/** One delivery with its attempt log (status, latency, first KB of each answer), oldest attempt first. */
export function deliveryWithAttempts(db: Db, shop: string, deliveryId: number) {
  return findDeliveryWithAttempts(db, shop, deliveryId);
}

/**
 * For customers/redact: the shopper's pending deliveries go dead with reason "redacted", and every
 * stored payload of their checkouts becomes "{}". Returns the number of deliveries touched.
 */
export function eraseCustomerFromDeliveries(db: Db, shop: string, checkoutIds: number[], now: Date): Promise<number> {
  return eraseDeliveriesOfCheckouts(db, shop, checkoutIds, now);
}
