import type { PrismaClient } from "@prisma/client";
import { logger } from "~/lib/logger.server";
import { installShop } from "~/models/shop.server";
import { ensureDefaultSequence } from "~/recovery/default-sequence.server";
import type { ShopProfile, ShopifyAdmin } from "~/shopify-admin/shopify-admin";

/**
 * Runs after every OAuth or token exchange. It creates the shop with default settings and the default
 * recovery sequence, or reactivates it after a reinstall, and refreshes its name, timezone and
 * currency. A failed profile read must not block the merchant from the app: the shop keeps its last
 * known (or default) values until the next sign-in.
 */
export async function completeInstall(db: PrismaClient, shop: string, admin: ShopifyAdmin): Promise<void> {
  let profile: ShopProfile | null = null;
  try {
    profile = await admin.shopProfile();
  } catch (error) {
    logger.warn("Could not read the shop profile; keeping the stored values", { shop, error });
  }
  await db.$transaction(async (tx) => {
    await installShop(tx, shop, profile);
    await ensureDefaultSequence(tx, shop);
  });
}
