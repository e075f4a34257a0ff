import type { Db } from "~/db/client.server";
import type { ShopSettingsValues } from "~/settings/shop-settings";

/**
 * Replaces the merchant's settings, bannerText included (shop.server's ShopSettings predates it).
 * False when there is no such shop.
 */
export async function writeShopSettings(db: Db, shop: string, settings: ShopSettingsValues): Promise<boolean> {
  const { count } = await db.shop.updateMany({ where: { domain: shop }, data: settings });
  return count === 1;
}
