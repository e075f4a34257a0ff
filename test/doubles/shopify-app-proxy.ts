import { createHmac } from "node:crypto";
import { API_SECRET_KEY, TEST_SHOP } from "@shopify/shopify-api/test-helpers";

export const PROXY_PATH_PREFIX = "/apps/comeback";

/**
 * Shopify's app proxy signature: every parameter but `signature`, repeated values joined with ",",
 * sorted by key, concatenated as key=value with no separator, HMAC-SHA256 with the app secret, in hex.
 */
export function appProxySignature(params: URLSearchParams, secret = API_SECRET_KEY): string {
  const keys = [...new Set([...params.keys()].filter((key) => key !== "signature"))].sort();
  const message = keys.map((key) => `${key}=${params.getAll(key).join(",")}`).join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

export interface ProxyOptions {
  shop?: string;
  secret?: string;
  /** Unix seconds; Shopify's library refuses anything more than 90 s away from now. */
  timestamp?: number;
  loggedInCustomerId?: string;
}

/** Adds the parameters Shopify's app proxy appends when it forwards a storefront request, signed. */
export function signAppProxyUrl(url: URL, { shop = TEST_SHOP, secret, timestamp = Math.floor(Date.now() / 1000), loggedInCustomerId = "" }: ProxyOptions = {}): URL {
  const signed = new URL(url);
  signed.searchParams.set("shop", shop);
  signed.searchParams.set("logged_in_customer_id", loggedInCustomerId);
  signed.searchParams.set("path_prefix", PROXY_PATH_PREFIX);
  signed.searchParams.set("timestamp", String(timestamp));
  signed.searchParams.set("signature", appProxySignature(signed.searchParams, secret));
  return signed;
}
