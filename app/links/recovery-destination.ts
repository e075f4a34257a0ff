import type { CartLine } from "~/checkouts/cart-line";

/** Everything a recovery click's destination is built from: stored data only, never the request. */
export interface DestinationSource {
  shopDomain: string;
  /** Where the shopper clicked, for the merchant's analytics: a step's email, or the storefront banner. */
  via: { medium: "email"; stepPosition: number } | { medium: "banner" };
  recoveryUrl: string | null;
  lineItems: readonly CartLine[];
  /** A code the message offered and the shopper can still use. */
  discountCode?: string | null;
}

const NUMERIC_ID = /^\d+$/;

/**
 * Shopify's own recovery URL, which restores the checkout with its contact and shipping details; else a
 * cart permalink rebuilding the cart; else the storefront. UTM parameters go on each, so the merchant's
 * analytics credit the visit to the email (or the banner) whichever way it arrives, and the discount code
 * goes as Shopify's `discount` parameter, so it is already applied when the shopper reaches checkout.
 */
export function recoveryDestination(source: DestinationSource): string {
  const url = secureUrl(source.recoveryUrl) ?? cartPermalink(source.shopDomain, source.lineItems) ?? new URL(storefrontUrl(source.shopDomain));
  url.searchParams.set("utm_source", "comeback");
  url.searchParams.set("utm_medium", source.via.medium);
  url.searchParams.set("utm_campaign", "abandoned_checkout");
  url.searchParams.set("utm_content", source.via.medium === "email" ? `step-${source.via.stepPosition}` : "banner");
  if (source.discountCode) url.searchParams.set("discount", source.discountCode);
  return url.href;
}

export function storefrontUrl(shopDomain: string): string {
  return `https://${shopDomain}/`;
}

// The address arrived in a verified webhook; still, a shopper is only ever sent to it over https.
function secureUrl(address: string | null): URL | null {
  const url = address ? URL.parse(address) : null;
  return url?.protocol === "https:" ? url : null;
}

function cartPermalink(shopDomain: string, lines: readonly CartLine[]): URL | null {
  // Lines without a variant (custom items) cannot be put back in a cart; the rest still can.
  const items = lines
    .filter((line) => line.variantId && NUMERIC_ID.test(line.variantId) && Number.isInteger(line.quantity) && line.quantity > 0)
    .map((line) => `${line.variantId}:${line.quantity}`);
  return items.length ? new URL(`https://${shopDomain}/cart/${items.join(",")}`) : null;
}
