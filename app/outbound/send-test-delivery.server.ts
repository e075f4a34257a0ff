import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { findCheckout } from "~/models/checkout.server";
import { findShop } from "~/models/shop.server";
import { concludeAttempt, createClaimedDelivery } from "~/models/webhook-delivery.server";
import { findDestinationRecord } from "~/models/webhook-destination.server";
import { attemptDelivery } from "./attempt-delivery.server";
import { DELIVERY_LEASE_MS } from "./deliver-due-webhooks.server";
import type { OutboundHttp } from "./outbound-http";
import { buildPayloadContext } from "./payload-context";
import { PayloadTemplateError, renderPayload } from "./payload-template";
import { generateMessageId } from "./standard-webhooks";

export interface TestDeliveryRequest {
  db: PrismaClient;
  http: OutboundHttp;
  shop: string;
  destinationId: number;
  /** A real checkout of the shop, so the merchant sees what their tool will receive. */
  checkoutId: number;
  now: Date;
}

export type TestDeliveryOutcome =
  | {
      status: "delivered" | "failed";
      deliveryId: number;
      messageId: string;
      statusCode: number | null;
      latencyMs: number;
      /** What the endpoint answered, up to the client's limit, for the merchant to read. */
      responseBody: string | null;
      error: string | null;
    }
  | { status: "template_error"; line: number | null; error: string }
  | { status: "not_found" };

/**
 * Delivers the destination's payload for one stored checkout, once and right now, paused or
 * disabled as the destination may be, and records it (event "test") with its attempt. A test is the
 * merchant's experiment: it never retries and never moves the destination's circuit breaker.
 */
export async function sendTestDelivery({ db, http, shop, destinationId, checkoutId, now }: TestDeliveryRequest): Promise<TestDeliveryOutcome> {
  const [destination, checkout, shopRecord] = await Promise.all([findDestinationRecord(db, shop, destinationId), findCheckout(db, shop, checkoutId), findShop(db, shop)]);
  if (!destination || !checkout || !shopRecord) return { status: "not_found" };

  let payload: string;
  try {
    const context = buildPayloadContext({ event: "test", occurredAt: now, shop: shopRecord, checkout, recoveryUrl: checkout.recoveryUrl, stepNumber: null });
    payload = await renderPayload(destination.payloadTemplate, context);
  } catch (error) {
    if (!(error instanceof PayloadTemplateError)) throw error;
    return { status: "template_error", line: error.line, error: error.message };
  }

  const messageId = generateMessageId();
  const delivery = { destinationId, messageId, event: "test", checkoutId, payload, createdAt: now, nextAttemptAt: now };
  const claim = await createClaimedDelivery(db, shop, delivery, `test:${randomUUID()}`, new Date(now.getTime() + DELIVERY_LEASE_MS));
  const { attempt, verdict, result } = await attemptDelivery(http, { messageId, payload }, destination, now);
  const delivered = verdict.kind === "delivered";
  await db.$transaction((tx) => concludeAttempt(tx, claim, attempt, delivered ? { status: "delivered", deliveredAt: now } : { status: "dead", deadAt: now }));
  return {
    status: delivered ? "delivered" : "failed",
    deliveryId: claim.id,
    messageId,
    statusCode: attempt.statusCode,
    latencyMs: attempt.latencyMs,
    responseBody: result?.ok ? result.body : null,
    error: attempt.error,
  };
}
