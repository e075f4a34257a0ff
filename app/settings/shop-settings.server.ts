import type { Db } from "~/db/client.server";
import { writeShopSettings } from "~/models/shop-settings.server";
import { findShop } from "~/models/shop.server";
import { parseShopSettings, type SettingsFieldErrors } from "./parse-shop-settings";
import { shopSettingsFormValues, type ShopSettingsFormValues } from "./shop-settings";

/**
 * The settings form's values, with what the page needs to word them (the shop's timezone and currency)
 * and the row's revision, which changes with every save.
 */
export type ShopSettingsView = { settings: ShopSettingsFormValues; timezone: string; currency: string; revision: string };

export type SavedShopSettings = { ok: true; settings: ShopSettingsFormValues } | { ok: false; fieldErrors: SettingsFieldErrors };

export async function readShopSettings(db: Db, shop: string): Promise<ShopSettingsView | null> {
  const record = await findShop(db, shop);
  return (
    record && {
      settings: shopSettingsFormValues(record, record.currency),
      timezone: record.timezone,
      currency: record.currency,
      revision: record.updatedAt.toISOString(),
    }
  );
}

/** Checks the submitted form against the shop's currency and saves it whole. Null when there is no such shop. */
export async function saveShopSettings(db: Db, shop: string, input: unknown): Promise<SavedShopSettings | null> {
  const record = await findShop(db, shop);
  if (!record) return null;
  const parsed = parseShopSettings(input, record.currency);
  if (!parsed.ok) return parsed;
  if (!(await writeShopSettings(db, shop, parsed.settings))) return null;
  return { ok: true, settings: shopSettingsFormValues(parsed.settings, record.currency) };
}
