import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { logger } from "~/lib/logger.server";
import { commitDeliveries } from "./commit-deliveries.server";
import { groupCommit } from "~/lib/group-commit";
import { parseWebhookJson } from "./parse-json";
import { isRefusal, verifyDelivery, type WebhookHeaders } from "./verify-delivery.server";
import type { Delivery, WebhookHandler } from "./webhook-handler";

// Shopify's webhook ids are UUIDs and shop domains DNS names (at most 253 characters). The two key the
// delivery's receipt, and PostgreSQL refuses index entries past about 2.7 kB.
const MAX_KEY_HEADER_LENGTH = 255;
/** Deliveries applied in one transaction at most; a batch's statements stay well under both databases' parameter limits. */
const MAX_BATCH = 100;
/**
 * How long a delivery that finds nothing committing waits for others: at 500 deliveries a second on
 * SQLite it halves the CPU each one costs (bench:webhooks), for 2 ms of a webhook's 5 s timeout.
 */
const COMMIT_DELAY_MS = 2;

export interface IncomingWebhook {
  method: string;
  headers: WebhookHeaders;
  body: Uint8Array;
}

export interface WebhookAnswer {
  status: number;
  message?: string;
}

/** The Remix side of receiveWebhook, for the routes under app/routes/webhooks.*. */
export async function receiveWebhookRequest<Payload>(request: Request, handler: WebhookHandler<Payload>): Promise<Response> {
  const { status, message } = await receiveWebhook({ method: request.method, headers: request.headers, body: new Uint8Array(await request.arrayBuffer()) }, handler);
  return new Response(message ?? null, { status, headers: message ? { "Content-Type": "text/plain" } : undefined });
}

/**
 * The one path every Shopify webhook takes: verify the signature, validate the payload, and apply it
 * exactly once. Shopify delivers at least once, so the delivery's receipt is written in the same
 * transaction as its effect: a redelivery finds the receipt and changes nothing, and a failure stores
 * neither, so Shopify's retry applies it. 200 is only answered once the transaction has committed.
 * Deliveries of one topic that arrive while another batch commits share the next transaction.
 */
export async function receiveWebhook<Payload>(incoming: IncomingWebhook, handler: WebhookHandler<Payload>): Promise<WebhookAnswer> {
  if (incoming.method !== "POST") return { status: 405, message: "Shopify webhooks are POST requests" };
  const verified = verifyDelivery(incoming.headers, incoming.body, config.shopifyApiSecret);
  // Unverified headers are logged no longer than a genuine one could be.
  if (isRefusal(verified)) return reject(verified.status, verified.message, { topic: incoming.headers.get("X-Shopify-Topic")?.slice(0, MAX_KEY_HEADER_LENGTH) });
  const { shop, topic, webhookId } = verified;
  if (shop.length > MAX_KEY_HEADER_LENGTH || webhookId.length > MAX_KEY_HEADER_LENGTH) {
    return reject(400, "X-Shopify-Shop-Domain or X-Shopify-Webhook-Id is too long", { topic, shopLength: shop.length, webhookIdLength: webhookId.length });
  }
  const context = { topic, shop, webhookId };

  if (topic !== handler.topic) return reject(400, `Topic ${topic} does not belong on this route`, context);

  const body = parsedBody(incoming.body);
  if (body instanceof SyntaxError) return reject(400, body.message, context);
  const parsed = handler.payload.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
    return reject(400, "Webhook payload is missing or has malformed required fields", { ...context, problems });
  }
  const claimedShop = handler.payloadShop?.(parsed.data);
  if (claimedShop && claimedShop !== shop) return reject(400, "Payload names a different shop than its headers", context);

  try {
    const outcome = await committerFor(handler)({ shop, topic: handler.topic, webhookId, payload: parsed.data });
    if (outcome === null) logger.info("Webhook redelivery acknowledged without changes", context);
    else logger.info("Webhook applied", { ...context, outcome });
  } catch (error) {
    logger.error("Webhook not stored; Shopify will retry it", { ...context, error });
    return { status: 500, message: "Not stored, please retry" };
  }
  return { status: 200 };
}

const committers = new WeakMap<object, unknown>();

/** One group commit per handler: a batch only ever holds deliveries of one topic. */
function committerFor<Payload>(handler: WebhookHandler<Payload>) {
  type Committer = (delivery: Delivery<Payload>) => Promise<string | null>;
  let committer = committers.get(handler) as Committer | undefined;
  if (!committer) {
    committer = groupCommit((deliveries: Array<Delivery<Payload>>) => commitDeliveries(db, handler, deliveries), { maxBatch: MAX_BATCH, delayMs: COMMIT_DELAY_MS });
    committers.set(handler, committer);
  }
  return committer;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** JSON is UTF-8 (RFC 8259): a body in another encoding is refused, never read as something else. */
function parsedBody(rawBody: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8.decode(rawBody);
  } catch {
    return new SyntaxError("Webhook body is not UTF-8");
  }
  try {
    return parseWebhookJson(text);
  } catch (error) {
    if (error instanceof SyntaxError) return new SyntaxError(`Webhook body is not valid JSON: ${error.message}`);
    throw error;
  }
}

function reject(status: number, message: string, fields: Record<string, unknown>): WebhookAnswer {
  logger.warn(`Rejected webhook: ${message}`, fields);
  return { status, message };
}
