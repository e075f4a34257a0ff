import { InvalidShopError } from "@shopify/shopify-api";
import { db } from "~/db/client.server";
import { isUniqueViolation } from "~/db/unique-violation";
import { logger } from "~/lib/logger.server";
import { recordReceipt } from "~/models/webhook-receipt.server";
import { authenticate } from "~/shopify.server";
import { parseWebhookJson } from "./parse-json";
import type { Delivery, WebhookHandler } from "./webhook-handler";

// Shopify's webhook ids are UUIDs and shop domains DNS names (at most 253 characters). The two key the
// delivery's receipt, and PostgreSQL refuses index entries past about 2.7 kB.
const MAX_KEY_HEADER_LENGTH = 255;

/**
 * The one path every Shopify webhook takes: verify the signature, validate the payload, and apply it
 * exactly once. Shopify delivers at least once, so the delivery's receipt is written in the same
 * transaction as its effect: a redelivery finds the receipt and changes nothing, and a failure stores
 * neither, so Shopify's retry applies it. 200 is only answered once the transaction has committed.
 */
export async function receiveWebhook<Payload>(request: Request, handler: WebhookHandler<Payload>): Promise<Response> {
  if (!request.headers.get("x-shopify-hmac-sha256")) return reply(401, "Missing X-Shopify-Hmac-Sha256");

  const rawBody = await request.clone().text();
  const verified = await verify(request);
  if (verified instanceof Response) return verified;
  const { shop, topic, webhookId } = verified;
  if (shop.length > MAX_KEY_HEADER_LENGTH || webhookId.length > MAX_KEY_HEADER_LENGTH) {
    return reject(400, "X-Shopify-Shop-Domain or X-Shopify-Webhook-Id is too long", { topic, shopLength: shop.length, webhookIdLength: webhookId.length });
  }
  const context = { topic, shop, webhookId };

  if (topic !== handler.topic) return reject(400, `Topic ${topic} does not belong on this route`, context);

  const body = parsedBody(rawBody);
  if (body instanceof SyntaxError) return reject(400, `Webhook body refused: ${body.message}`, context);
  const parsed = handler.payload.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
    return reject(400, "Webhook payload is missing or has malformed required fields", { ...context, problems });
  }
  const claimedShop = handler.payloadShop?.(parsed.data);
  if (claimedShop && claimedShop !== shop) return reject(400, "Payload names a different shop than its headers", context);

  const delivery: Delivery<Payload> = { shop, topic: handler.topic, webhookId, payload: parsed.data };
  try {
    const outcome = await applyWithReceipt(handler, delivery);
    if (outcome === REDELIVERY) logger.info("Webhook redelivery acknowledged without changes", context);
    else logger.info("Webhook applied", { ...context, outcome });
  } catch (error) {
    logger.error("Webhook not stored; Shopify will retry it", { ...context, error });
    return reply(500, "Not stored, please retry");
  }
  return reply(200);
}

const REDELIVERY = Symbol("redelivery");

/**
 * Records the receipt and applies the delivery in one transaction, or nothing for a delivery already
 * received. Two deliveries about one new record (one order under two webhook ids) may both find it
 * missing and both insert it: the loser's unique violation rolls its transaction back, and applying
 * it again finds the winner's row.
 */
async function applyWithReceipt<Payload>(handler: WebhookHandler<Payload>, delivery: Delivery<Payload>) {
  const { shop, webhookId, topic } = delivery;
  const apply = () =>
    db.$transaction(async (tx) => ((await recordReceipt(tx, { shop, webhookId, topic })) ? handler.apply(tx, delivery) : REDELIVERY));
  try {
    return await apply();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return apply();
  }
}

/** authenticate.webhook has parsed the body already: only Comeback's own limits can refuse it here. */
function parsedBody(rawBody: string): unknown {
  try {
    return parseWebhookJson(rawBody);
  } catch (error) {
    if (error instanceof SyntaxError) return error;
    throw error;
  }
}

async function verify(request: Request) {
  try {
    return await authenticate.webhook(request);
  } catch (error) {
    if (error instanceof Response) return error;
    // authenticate.webhook parses the body only after the signature checks out.
    if (error instanceof SyntaxError) return reject(400, "Webhook body is not valid JSON", { url: request.url });
    if (error instanceof InvalidShopError) return reject(400, "X-Shopify-Shop-Domain is not a shop domain", { url: request.url });
    throw error;
  }
}

function reject(status: number, message: string, fields: Record<string, unknown>): Response {
  logger.warn(`Rejected webhook: ${message}`, fields);
  return reply(status, message);
}

function reply(status: number, message?: string): Response {
  return new Response(message ?? null, { status, headers: message ? { "Content-Type": "text/plain" } : undefined });
}
