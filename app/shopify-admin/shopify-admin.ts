/** What Shopify tells us about a shop at install time. */
export interface ShopProfile {
  name: string;
  timezone: string;
  currency: string;
}

/** The few Admin API calls Comeback makes, so domain code never builds GraphQL itself. */
export interface ShopifyAdmin {
  shopProfile(): Promise<ShopProfile>;
}
