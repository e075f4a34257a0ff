import type { PrismaClient } from "@prisma/client";
import { directTransaction, type RawSql } from "~/db/direct-transaction.server";
import { isUniqueViolation } from "~/db/unique-violation";
import { recordReceipts } from "~/models/webhook-receipt.server";
import { togetherOrApart, type CommitFailure } from "~/lib/group-commit";
import type { Delivery, WebhookHandler } from "./webhook-handler";

/** What each delivery came to: the handler's outcome, null for a redelivery, or the error it failed with. */
export type CommitResult = string | null | CommitFailure;

/**
 * Records the deliveries' receipts and applies the new ones in one transaction. When that fails, each
 * delivery is committed alone, so that one delivery's failure never fails another's. A delivery alone
 * is tried twice on a unique violation: two deliveries about one new record (one order under two
 * webhook ids) may both find it missing and both insert it; the loser rolls back, and applying it
 * again finds the winner's row. A batch the handler can apply with raw statements alone (its `direct`)
 * is committed in a direct transaction, past Prisma's client.
 */
export function commitDeliveries<Payload>(db: PrismaClient, handler: WebhookHandler<Payload>, deliveries: Array<Delivery<Payload>>): Promise<CommitResult[]> {
  const { direct } = handler;
  const commit = (batch: Array<Delivery<Payload>>) =>
    direct && batch.every((delivery) => direct.handles(delivery))
      ? directTransaction(db, (tx) => applyWithReceipts(tx, direct.apply, batch))
      : db.$transaction((tx) => applyWithReceipts(tx, handler.apply, batch));
  return togetherOrApart(deliveries, (batch) =>
    commit(batch).catch((error: unknown) => {
      if (batch.length === 1 && isUniqueViolation(error)) return commit(batch);
      throw error;
    }),
  );
}

async function applyWithReceipts<Tx extends RawSql, Payload>(
  tx: Tx,
  apply: (tx: Tx, deliveries: Array<Delivery<Payload>>) => Promise<string[]>,
  deliveries: Array<Delivery<Payload>>,
): Promise<CommitResult[]> {
  const isNew = await recordReceipts(tx, deliveries);
  const outcomes = await apply(tx, deliveries.filter((_, index) => isNew[index]));
  return isNew.map((fresh) => (fresh ? outcomes.shift()! : null));
}
