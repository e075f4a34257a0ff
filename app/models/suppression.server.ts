import { sql, type Db } from "~/db/client.server";
import { contactHash } from "~/lib/contact-hash";
import { eachShopsOwn } from "./by-shop.server";

export type SuppressionReason = "unsubscribed" | "bounced" | "spam_report" | "dropped";

/** Stops all future email from the shop to the address; the first reason recorded is kept. */
export async function suppressAddress(db: Db, shop: string, email: string, reason: SuppressionReason, now = new Date()): Promise<void> {
  await suppressContactHash(db, shop, contactHash(shop, email), reason, now);
}

/**
 * The same, for an address known only by its hash: the one a message was sent to, which still works
 * after the shopper's personal data was erased.
 */
export async function suppressContactHash(db: Db, shop: string, hash: string, reason: SuppressionReason, now = new Date()): Promise<void> {
  await db.suppression.upsert({
    where: { shop_contactHash: { shop, contactHash: hash } },
    create: { shop, contactHash: hash, reason, createdAt: now },
    update: {},
  });
}

export function suppressionFor(db: Db, shop: string, email: string): Promise<SuppressionReason | null> {
  return suppressionForContactHash(db, shop, contactHash(shop, email));
}

export async function suppressionForContactHash(db: Db, shop: string, hash: string): Promise<SuppressionReason | null> {
  const row = await db.suppression.findUnique({ where: { shop_contactHash: { shop, contactHash: hash } }, select: { reason: true } });
  return (row?.reason as SuppressionReason | undefined) ?? null;
}

/** The suppressed ones among these addresses (by hash) of several shops, in one read. */
export async function suppressionsOf(db: Db, addresses: Iterable<readonly [shop: string, hash: string]>) {
  const own = eachShopsOwn(
    addresses,
    (shop, hashes) => sql.sql`SELECT "shop", "contactHash", "reason" FROM "Suppression" WHERE "shop" = ${shop} AND "contactHash" IN (${sql.join(hashes)})`,
  );
  return own ? db.$queryRaw<Array<{ shop: string; contactHash: string; reason: SuppressionReason }>>(own) : [];
}
