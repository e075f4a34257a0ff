import { sql, type Db } from "~/db/client.server";
import type { RawSql } from "~/db/direct-transaction.server";

export interface Receipt {
  shop: string;
  webhookId: string;
  topic: string;
}

/**
 * Records the deliveries in one statement and says, for each, whether it is new: false when it was
 * already recorded, by an earlier delivery, earlier in the same list, or (on PostgreSQL) by a
 * concurrent one, whose commit this insert waits for. Raw SQL: every webhook writes one.
 */
export async function recordReceipts(db: RawSql, receipts: Receipt[], now = new Date()): Promise<boolean[]> {
  if (receipts.length === 0) return [];
  const rows = receipts.map(({ shop, webhookId, topic }) => sql.sql`(${shop}, ${webhookId}, ${topic}, ${now})`);
  const inserted = await db.$queryRaw<Array<Pick<Receipt, "shop" | "webhookId">>>`
    INSERT INTO "WebhookReceipt" ("shop", "webhookId", "topic", "receivedAt") VALUES ${sql.join(rows)}
    ON CONFLICT ("shop", "webhookId") DO NOTHING
    RETURNING "shop", "webhookId"`;
  const unclaimed = new Set(inserted.map(receiptKey));
  return receipts.map((receipt) => unclaimed.delete(receiptKey(receipt)));
}

const receiptKey = ({ shop, webhookId }: Pick<Receipt, "shop" | "webhookId">) => JSON.stringify([shop, webhookId]);

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
