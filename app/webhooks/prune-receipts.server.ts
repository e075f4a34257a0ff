import type { Db } from "~/db/client.server";
import { deleteReceiptsReceivedBefore } from "~/models/webhook-receipt.server";

const DAY = 24 * 60 * 60 * 1000;

/**
 * How long a delivery's receipt is kept to recognise its redelivery. Shopify retries a failed delivery
 * 8 times over 4 hours; a week also covers a merchant's manual resend and a long outage of ours.
 */
export const RECEIPT_RETENTION_DAYS = 7;

/** A sequencer-tick job: forgets receipts past retention, a bounded batch per tick. */
export function pruneWebhookReceipts(db: Db, now: Date, batchSize: number): Promise<number> {
  return deleteReceiptsReceivedBefore(db, new Date(now.getTime() - RECEIPT_RETENTION_DAYS * DAY), batchSize);
}
