import { graphqlDiscounts } from "./graphql-discounts.server";
import type { ShopifyAdmin } from "./shopify-admin";

/** The shape of `admin.graphql` from authenticate.admin / unauthenticated.admin. */
export type AdminGraphql = (query: string, options?: { variables?: Record<string, unknown> }) => Promise<Response>;

const SHOP_PROFILE = `#graphql
  query ShopProfile {
    shop {
      name
      ianaTimezone
      currencyCode
    }
  }`;

interface ShopProfileData {
  shop?: { name: string; ianaTimezone: string; currencyCode: string } | null;
}

export function graphqlAdmin(graphql: AdminGraphql): ShopifyAdmin {
  return {
    async shopProfile() {
      const response = await graphql(SHOP_PROFILE);
      const { data } = (await response.json()) as { data?: ShopProfileData };
      if (!data?.shop) throw new Error("Shopify answered the shop query without a shop");
      return { name: data.shop.name, timezone: data.shop.ianaTimezone, currency: data.shop.currencyCode };
    },
    ...graphqlDiscounts(graphql),
  };
}
