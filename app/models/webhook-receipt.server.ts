import type { Db } from "~/db/client.server";
import { isUniqueViolation } from "~/db/unique-violation";

export interface Receipt {
  shop: string;
  webhookId: string;
  topic: string;
}

/** Fails with a unique-constraint error (see isDuplicateReceipt) when this delivery was already recorded. */
export async function recordReceipt(db: Db, receipt: Receipt, now = new Date()): Promise<void> {
  await db.webhookReceipt.create({ data: { ...receipt, receivedAt: now }, select: { webhookId: true } });
}

export function isDuplicateReceipt(error: unknown): boolean {
  return isUniqueViolation(error, "WebhookReceipt");
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
