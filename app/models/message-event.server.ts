import type { Db } from "~/db/client.server";

export interface MessageEventRecord {
  /** SendGrid's sg_event_id: the same on every redelivery of the event. */
  providerEventId: string;
  stepRunId: number;
  event: string;
  url: string | null;
  reason: string | null;
  occurredAt: Date;
}

/**
 * Stores the event unless it is already stored, and says whether it was new. A plain create that
 * fails on the unique key would not do: on PostgreSQL a failed statement aborts the transaction, and
 * the rest of the batch has to go on (Prisma's createMany cannot skip duplicates on SQLite).
 */
export async function recordMessageEvent(db: Db, shop: string, event: MessageEventRecord, now = new Date()): Promise<boolean> {
  const { providerEventId, stepRunId, event: kind, url, reason, occurredAt } = event;
  const inserted = await db.$executeRaw`
    INSERT INTO "MessageEvent" ("shop", "providerEventId", "stepRunId", "event", "url", "reason", "occurredAt", "receivedAt")
    VALUES (${shop}, ${providerEventId}, ${stepRunId}, ${kind}, ${url}, ${reason}, ${occurredAt}, ${now})
    ON CONFLICT ("providerEventId") DO NOTHING`;
  return inserted === 1;
}

/**
 * Whether SendGrid has reported processing any message at or after `since`, for any shop: the app sends
 * through one SendGrid account, so such an event proves its Event Webhook reports what SendGrid takes.
 */
export async function providerProcessedSince(db: Db, since: Date): Promise<boolean> {
  const event = await db.messageEvent.findFirst({ where: { event: "processed", occurredAt: { gte: since } }, select: { id: true } });
  return event !== null;
}
