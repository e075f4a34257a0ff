import { createHmac, hkdfSync } from "node:crypto";
import { config } from "~/config.server";

/** 32 characters without 0/O and 1/I, which shoppers mistype: each one carries 5 bits of the HMAC. */
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const LENGTH = 8;

/**
 * The code a step run offers, e.g. COMEBACK-7QK2MX9D. It is derived, not random, so a retried step asks
 * Shopify for the same code again and can never end up with two; the key keeps codes unguessable.
 */
export function discountCodeName(shop: string, stepRunId: number, appSecret = config.shopifyApiSecret): string {
  const key = Buffer.from(hkdfSync("sha256", appSecret, "", "comeback discount codes v1", 32));
  const digest = createHmac("sha256", key).update(`${shop}\n${stepRunId}`).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, (LENGTH * 5) / 8)) bits = (bits << 8n) | BigInt(byte);
  let code = "";
  for (let index = LENGTH - 1; index >= 0; index--) code += ALPHABET[Number((bits >> BigInt(index * 5)) & 31n)];
  return `COMEBACK-${code}`;
}
