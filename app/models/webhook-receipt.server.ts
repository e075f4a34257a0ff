import type { Db } from "~/db/client.server";

export interface Receipt {
  shop: string;
  webhookId: string;
  topic: string;
}

/**
 * Records the delivery; false when it was already recorded, by an earlier delivery or (on PostgreSQL)
 * by a concurrent one, whose commit this insert waits for. Raw SQL: every webhook writes one.
 */
export async function recordReceipt(db: Db, { shop, webhookId, topic }: Receipt, now = new Date()): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO "WebhookReceipt" ("shop", "webhookId", "topic", "receivedAt") VALUES (${shop}, ${webhookId}, ${topic}, ${now})
    ON CONFLICT ("shop", "webhookId") DO NOTHING`;
  return inserted === 1;
}

/** Deletes the shop's receipts; `except` keeps the one of the delivery doing the deleting, so its redelivery stays a no-op. */
export async function deleteReceipts(db: Db, shop: string, { except }: { except?: string } = {}): Promise<number> {
  const { count } = await db.webhookReceipt.deleteMany({ where: { shop, ...(except && { webhookId: { not: except } }) } });
  return count;
}

/**
 * Deletes up to `limit` receipts received before `before`, oldest first; returns how many. One
 * statement, so a backlog is worked off a batch per call without a long write lock.
 */
export function deleteReceiptsReceivedBefore(db: Db, before: Date, limit: number): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "WebhookReceipt" WHERE ("shop", "webhookId") IN (
      SELECT "shop", "webhookId" FROM "WebhookReceipt" WHERE "receivedAt" < ${before} ORDER BY "receivedAt" LIMIT ${limit}
    )`;
}
