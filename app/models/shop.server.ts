import type { Prisma, Shop } from "@prisma/client";
import { sql, type Db } from "~/db/client.server";
import type { RawSql } from "~/db/direct-transaction.server";
import type { ShopProfile } from "~/shopify-admin/shopify-admin";

/** Creates the shop with default settings, or reactivates it on reinstall keeping the merchant's settings. */
export function installShop(db: Db, domain: string, profile: ShopProfile | null, now = new Date()) {
  return db.shop.upsert({
    where: { domain },
    create: { domain, status: "installed", installedAt: now, ...profile },
    update: { status: "installed", uninstalledAt: null, ...profile },
  });
}

export function findShop(db: Db, domain: string) {
  return db.shop.findUnique({ where: { domain } });
}

/** Several shops in one read (raw SQL, as are the sequencer's other batch reads). */
export async function findShops(db: Db, domains: Iterable<string>): Promise<Shop[]> {
  const wanted = [...new Set(domains)];
  return wanted.length ? db.$queryRaw<Shop[]>`SELECT * FROM "Shop" WHERE "domain" IN (${sql.join(wanted)})` : [];
}

export function findInstalledShop(db: Db, domain: string) {
  return db.shop.findFirst({ where: { domain, status: "installed" } });
}

export interface CheckoutSettings {
  abandonmentMinutes: number;
}

/** What storing a checkout needs of each installed shop among `domains`, by domain. Raw SQL: every checkout webhook reads it. */
export async function findCheckoutSettings(db: RawSql, domains: string[]): Promise<Map<string, CheckoutSettings>> {
  if (domains.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ domain: string; abandonmentMinutes: number | bigint }>>`
    SELECT "domain", "abandonmentMinutes" FROM "Shop" WHERE "domain" IN (${sql.join(domains)}) AND "status" = 'installed'`;
  return new Map(rows.map(({ domain, abandonmentMinutes }) => [domain, { abandonmentMinutes: Number(abandonmentMinutes) }]));
}

export async function markShopUninstalled(db: Db, domain: string, now = new Date()): Promise<boolean> {
  const { count } = await db.shop.updateMany({
    where: { domain, status: "installed" },
    data: { status: "uninstalled", uninstalledAt: now },
  });
  return count > 0;
}

/** Deletes the shop and, through cascades, its checkouts, orders and data requests. */
export async function deleteShop(db: Db, domain: string): Promise<boolean> {
  const { count } = await db.shop.deleteMany({ where: { domain } });
  return count > 0;
}

export type ShopSettings = Partial<
  Pick<
    Prisma.ShopUpdateInput,
    | "abandonmentMinutes"
    | "requireMarketingConsent"
    | "frequencyCapHours"
    | "quietHoursStartMinute"
    | "quietHoursEndMinute"
    | "senderName"
    | "senderEmail"
    | "replyToEmail"
    | "locale"
    | "attributionDays"
    | "highValueThresholdMinor"
    | "holdoutPercent"
  >
>;

export function updateShopSettings(db: Db, domain: string, settings: ShopSettings) {
  return db.shop.update({ where: { domain }, data: settings });
}
