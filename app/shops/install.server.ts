import type { Db } from "~/db/client.server";
import { logger } from "~/lib/logger.server";
import { installShop } from "~/models/shop.server";
import type { ShopProfile, ShopifyAdmin } from "~/shopify-admin/shopify-admin";

/**
 * Runs after every OAuth or token exchange. It creates the shop with default settings, or
 * reactivates it after a reinstall, and refreshes its name, timezone and currency. A failed profile
 * read must not block the merchant from the app: the shop keeps its last known (or default) values
 * until the next sign-in.
 */
export async function completeInstall(db: Db, shop: string, admin: ShopifyAdmin): Promise<void> {
  let profile: ShopProfile | null = null;
  try {
    profile = await admin.shopProfile();
  } catch (error) {
    logger.warn("Could not read the shop profile; keeping the stored values", { shop, error });
  }
  await installShop(db, shop, profile);
}
