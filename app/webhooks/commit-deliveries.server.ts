import type { PrismaClient } from "@prisma/client";
import type { Db } from "~/db/client.server";
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
 * again finds the winner's row.
 */
export function commitDeliveries<Payload>(db: PrismaClient, handler: WebhookHandler<Payload>, deliveries: Array<Delivery<Payload>>): Promise<CommitResult[]> {
  const commit = (batch: Array<Delivery<Payload>>) => db.$transaction((tx) => applyWithReceipts(tx, handler, batch));
  return togetherOrApart(deliveries, (batch) =>
    commit(batch).catch((error: unknown) => {
      if (batch.length === 1 && isUniqueViolation(error)) return commit(batch);
      throw error;
    }),
  );
}

async function applyWithReceipts<Payload>(tx: Db, handler: WebhookHandler<Payload>, deliveries: Array<Delivery<Payload>>): Promise<CommitResult[]> {
  const isNew = await recordReceipts(tx, deliveries);
  const outcomes = await handler.apply(tx, deliveries.filter((_, index) => isNew[index]));
  return isNew.map((fresh) => (fresh ? outcomes.shift()! : null));
}
