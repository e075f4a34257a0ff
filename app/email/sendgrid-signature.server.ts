import { EventWebhook, EventWebhookHeader } from "@sendgrid/eventwebhook";

export const SIGNATURE_HEADER = EventWebhookHeader.SIGNATURE();
export const TIMESTAMP_HEADER = EventWebhookHeader.TIMESTAMP();

export interface SignedPost {
  /** The verification key as SendGrid shows it: base64 DER (SubjectPublicKeyInfo), PEM armour optional. */
  publicKey: string;
  /** The body exactly as received: SendGrid signs its bytes, and re-serialized JSON does not verify. */
  rawBody: Buffer;
  signature: string;
  timestamp: string;
}

const eventWebhook = new EventWebhook();

/**
 * Whether SendGrid signed `timestamp + rawBody` (ECDSA P-256, SHA-256) with the key's private half.
 * A signature or key that cannot even be decoded does not verify; it is not an error.
 */
export function verifySendgridSignature({ publicKey, rawBody, signature, timestamp }: SignedPost): boolean {
  try {
    return eventWebhook.verifySignature(eventWebhook.convertPublicKeyToECDSA(publicKey), rawBody, signature, timestamp);
  } catch {
    return false;
  }
}
