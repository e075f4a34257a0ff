/** What Shopify tells us about a shop at install time. */
export interface ShopProfile {
  name: string;
  timezone: string;
  currency: string;
}

/** A single-use code for one shopper, as the recovery step offers it. */
export interface DiscountCodeRequest {
  code: string;
  /** Shown to the merchant in the Shopify admin; never personal data. */
  title: string;
  /** Shopify's numeric customer id; null for a guest checkout, whose code anyone could then use once. */
  customerId: string | null;
  kind: "percentage" | "fixed_amount";
  /** "15" for 15 %, or an amount in the shop's currency ("10.00"). */
  value: string;
  /** In the shop's currency; null for none. */
  minSubtotal: string | null;
  startsAt: Date;
  endsAt: Date;
}

/** Why a call did not work: "retryable" may work later (throttling, outages), "failed" never will as asked. */
export type AdminFailure = { status: "retryable"; error: string; retryAfterMs?: number } | { status: "failed"; error: string };

/** `endsAt` is Shopify's: a code an earlier attempt created keeps the end it was created with. */
export type DiscountCreation = { status: "created"; shopifyDiscountId: string; endsAt: Date } | AdminFailure;

export type DiscountDeactivation = { status: "deactivated" } | AdminFailure;

/** The few Admin API calls Comeback makes, so domain code never builds GraphQL itself. */
export interface ShopifyAdmin {
  shopProfile(): Promise<ShopProfile>;
  /** Creating the same code twice is safe: the second call answers with the discount the first created. */
  createDiscountCode(request: DiscountCodeRequest): Promise<DiscountCreation>;
  deactivateDiscountCode(shopifyDiscountId: string): Promise<DiscountDeactivation>;
}
