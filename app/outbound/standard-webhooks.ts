import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Standard Webhooks (https://www.standardwebhooks.com) signing, so merchants can verify our requests
 * with any of that spec's libraries. Every request carries:
 *   webhook-id         msg_…, the same on every attempt and replay of one delivery: dedupe on it;
 *   webhook-timestamp  unix seconds of this attempt;
 *   webhook-signature  v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">, keyed with the bytes
 *                      that the base64 after "whsec_" in the destination's signing secret encodes.
 * A receiver recomputes the signature over the raw body, compares in constant time, and refuses
 * timestamps more than five minutes away from its clock (replays of a captured request).
 */

const SECRET_PREFIX = "whsec_";
const SECRET_BYTES = 32;
const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export function generateSigningSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString("base64");
}

export function generateMessageId(): string {
  return `msg_${randomBytes(18).toString("base64url")}`;
}

export interface SignedMessage {
  messageId: string;
  /** The attempt's moment; only whole seconds are signed. */
  timestamp: Date;
  body: string;
}

export type SignatureHeaders = { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string };

export function signMessage(secret: string, { messageId, timestamp, body }: SignedMessage): string {
  return `v1,${signature(secret, messageId, unixSeconds(timestamp), body).toString("base64")}`;
}

export function signatureHeaders(secret: string, message: SignedMessage): SignatureHeaders {
  return {
    "webhook-id": message.messageId,
    "webhook-timestamp": String(unixSeconds(message.timestamp)),
    "webhook-signature": signMessage(secret, message),
  };
}

export type Verification = { ok: true; messageId: string; timestamp: Date } | { ok: false; reason: string };

/**
 * Checks a received request: the three headers present, the timestamp within the tolerance of `now`,
 * and one of the space-separated `v1,` signatures matching. Header names are matched case-insensitively.
 */
export function verifyWebhook(
  secret: string,
  request: { headers: Record<string, string | string[] | undefined>; body: string },
  { now = new Date(), toleranceSeconds = DEFAULT_TOLERANCE_SECONDS }: { now?: Date; toleranceSeconds?: number } = {},
): Verification {
  const header = (name: string) => {
    const entry = Object.entries(request.headers).find(([key]) => key.toLowerCase() === name)?.[1];
    return Array.isArray(entry) ? entry.join(" ") : entry;
  };
  const messageId = header("webhook-id");
  const timestamp = header("webhook-timestamp");
  const signatures = header("webhook-signature");
  if (!messageId || !timestamp || !signatures) return { ok: false, reason: "missing webhook-id, webhook-timestamp or webhook-signature" };
  if (!/^\d+$/.test(timestamp)) return { ok: false, reason: "webhook-timestamp is not unix seconds" };
  const seconds = Number(timestamp);
  if (Math.abs(unixSeconds(now) - seconds) > toleranceSeconds) return { ok: false, reason: "webhook-timestamp is too far from now" };

  const expected = signature(secret, messageId, seconds, request.body);
  const matches = signatures.split(" ").some((candidate) => {
    const [version, value] = candidate.split(",", 2);
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true, messageId, timestamp: new Date(seconds * 1000) } : { ok: false, reason: "no signature matches" };
}

function signature(secret: string, messageId: string, seconds: number, body: string): Buffer {
  return createHmac("sha256", secretKey(secret)).update(`${messageId}.${seconds}.${body}`).digest();
}

function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
}

function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
