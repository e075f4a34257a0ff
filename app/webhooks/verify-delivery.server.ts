import { createHmac, timingSafeEqual } from "node:crypto";

export interface WebhookHeaders {
  get(name: string): string | null;
}

export interface VerifiedHeaders {
  shop: string;
  /** As Shopify's libraries store topics: `checkouts/update` becomes `CHECKOUTS_UPDATE`. */
  topic: string;
  webhookId: string;
}

export interface Refusal {
  status: number;
  message: string;
}

/** The shop domains Shopify's own libraries accept: a shop's handle under one of Shopify's domains. */
const SHOP_DOMAIN = /^[a-zA-Z0-9][a-zA-Z0-9-_]*\.(myshopify\.com|shopify\.com|myshopify\.io|shop\.dev)$/;

const REQUIRED_HEADERS = ["X-Shopify-Topic", "X-Shopify-Shop-Domain", "X-Shopify-API-Version", "X-Shopify-Webhook-Id"];

/**
 * Checks a delivery the way Shopify documents: the base64 HMAC-SHA256 of the raw body bytes under the
 * app's secret, compared in constant time, then the headers that name it. Computed over the bytes as
 * they arrived, before any decoding, so a body in a wrong encoding is judged on its content, not
 * misread as forged.
 */
export function verifyDelivery(
  headers: WebhookHeaders,
  rawBody: Uint8Array,
  secret: string,
): VerifiedHeaders | Refusal {
  const signature = headers.get("X-Shopify-Hmac-Sha256");
  if (!signature) return { status: 401, message: "Missing X-Shopify-Hmac-Sha256" };
  if (!signatureMatches(signature, rawBody, secret)) return { status: 401, message: "X-Shopify-Hmac-Sha256 does not match the body" };
  // Shopify's Events webhooks sign with this header instead; Comeback subscribes to none, and a request
  // carrying a signature that does not match is forged, whichever header carries it.
  const eventsSignature = headers.get("Shopify-Hmac-Sha256");
  if (eventsSignature !== null && !signatureMatches(eventsSignature, rawBody, secret)) {
    return { status: 401, message: "Shopify-Hmac-Sha256 does not match the body" };
  }

  const missing = REQUIRED_HEADERS.filter((name) => !headers.get(name));
  if (missing.length) return { status: 400, message: `Missing ${missing.join(", ")}` };
  const shop = headers.get("X-Shopify-Shop-Domain")!;
  if (!SHOP_DOMAIN.test(shop)) return { status: 400, message: "X-Shopify-Shop-Domain is not a shop domain" };
  const topic = headers.get("X-Shopify-Topic")!.toUpperCase().replace(/[/.]/g, "_");
  return { shop, topic, webhookId: headers.get("X-Shopify-Webhook-Id")! };
}

export const isRefusal = (verified: VerifiedHeaders | Refusal): verified is Refusal => "status" in verified;

function signatureMatches(signature: string, rawBody: Uint8Array, secret: string): boolean {
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
