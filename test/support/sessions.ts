import { Session } from "@shopify/shopify-api";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { config } from "~/config.server";
import { sessionStorage } from "~/shopify.server";

/** Stores the offline session Shopify's token exchange would have produced at install. */
export async function storeOfflineSession(shop = TEST_SHOP): Promise<Session> {
  const session = new Session({
    id: `offline_${shop}`,
    shop,
    state: "",
    isOnline: false,
    accessToken: "shpat_stored_offline_token",
    scope: config.scopes.join(","),
  });
  await sessionStorage.storeSession(session);
  return session;
}
