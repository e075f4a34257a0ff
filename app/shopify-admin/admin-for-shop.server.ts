import { SessionNotFoundError } from "@shopify/shopify-app-remix/server";
import { unauthenticated } from "~/shopify.server";
import { graphqlAdmin } from "./graphql-admin.server";
import type { ShopifyAdmin } from "./shopify-admin";

/**
 * The Admin API for background work, with the shop's offline token. A shop without one (never installed,
 * or uninstalled since) gets an admin whose every call fails for good, so jobs need no special case.
 */
export async function adminForShop(shop: string): Promise<ShopifyAdmin> {
  try {
    const { admin } = await unauthenticated.admin(shop);
    return graphqlAdmin(admin.graphql);
  } catch (error) {
    if (error instanceof SessionNotFoundError) return notInstalled(shop);
    throw error;
  }
}

function notInstalled(shop: string): ShopifyAdmin {
  const error = `Comeback is not installed on ${shop} (no offline session)`;
  const failure = { status: "failed", error } as const;
  return {
    shopProfile: () => Promise.reject(new Error(error)),
    createDiscountCode: async () => failure,
    deactivateDiscountCode: async () => failure,
  };
}
