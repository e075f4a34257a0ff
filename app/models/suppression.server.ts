import type { Db } from "~/db/client.server";
import { contactHash } from "~/lib/contact-hash";

export type SuppressionReason = "unsubscribed" | "bounced" | "spam_report" | "dropped";

/** Stops all future email from the shop to the address; the first reason recorded is kept. */
export async function suppressAddress(db: Db, shop: string, email: string, reason: SuppressionReason, now = new Date()): Promise<void> {
  const hash = contactHash(shop, email);
  await db.suppression.upsert({
    where: { shop_contactHash: { shop, contactHash: hash } },
    create: { shop, contactHash: hash, reason, createdAt: now },
    update: {},
  });
}

export async function suppressionFor(db: Db, shop: string, email: string): Promise<SuppressionReason | null> {
  const row = await db.suppression.findUnique({
    where: { shop_contactHash: { shop, contactHash: contactHash(shop, email) } },
    select: { reason: true },
  });
  return (row?.reason as SuppressionReason | undefined) ?? null;
}
