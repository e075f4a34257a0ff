import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { config } from "~/config.server";

export type LinkPurpose = "recover" | "unsubscribe" | "survey";

export type LinkTokenCheck = { status: "valid" | "expired"; stepRunId: number } | { status: "invalid" };

const DAY_MS = 24 * 60 * 60 * 1000;

export const LINK_LIFETIME_MS: Record<LinkPurpose, number> = {
  recover: 30 * DAY_MS,
  // Shoppers unsubscribe from messages they find in their inbox months later, and an opt-out link that
  // stops working is exactly what anti-spam law and the mailbox providers' bulk-sender rules forbid.
  unsubscribe: 365 * DAY_MS,
  survey: 30 * DAY_MS,
};

// The app secret also signs Shopify's webhooks and session tokens: deriving a key of its own for links
// means nothing signed for another use can ever pass as a link token. The version leaves room to change the format.
const KEY_LABEL = "comeback link token v1";

const TOKEN_SHAPE = /^((recover|unsubscribe|survey)-(\d{1,15})-(\d{1,12}))\.([\w-]{43})$/;

/** `<purpose>-<stepRunId>-<expiry in unix seconds>.<HMAC-SHA256, base64url>`: URL-safe, about 60 characters. */
export function signLinkToken(purpose: LinkPurpose, stepRunId: number, now: Date, secret = config.shopifyApiSecret): string {
  const expiresAt = Math.floor((now.getTime() + LINK_LIFETIME_MS[purpose]) / 1000);
  const payload = `${purpose}-${stepRunId}-${expiresAt}`;
  return `${payload}.${signature(payload, secret)}`;
}

/** Expired is only reported for a genuine token of the expected purpose; anything else is invalid. */
export function verifyLinkToken(token: string, purpose: LinkPurpose, now: Date, secret = config.shopifyApiSecret): LinkTokenCheck {
  const [, payload = "", claimedPurpose, stepRunId, expiresAt, claimedSignature = ""] = TOKEN_SHAPE.exec(token) ?? [];
  const expected = signature(payload, secret);
  // Both are 43 ASCII characters once the shape matched, as timingSafeEqual requires.
  if (claimedSignature.length !== expected.length || !timingSafeEqual(Buffer.from(claimedSignature), Buffer.from(expected))) {
    return { status: "invalid" };
  }
  if (claimedPurpose !== purpose) return { status: "invalid" };
  const expired = Number(expiresAt) * 1000 <= now.getTime();
  return { status: expired ? "expired" : "valid", stepRunId: Number(stepRunId) };
}

function signature(payload: string, secret: string): string {
  const key = Buffer.from(hkdfSync("sha256", secret, "", KEY_LABEL, 32));
  return createHmac("sha256", key).update(payload).digest("base64url");
}
