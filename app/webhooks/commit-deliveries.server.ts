import type { PrismaClient } from "@prisma/client";
import type { Db } from "~/db/client.server";
import { isUniqueViolation } from "~/db/unique-violation";
import { recordReceipts } from "~/models/webhook-receipt.server";
import { CommitFailure } from "./group-commit";
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
export async function commitDeliveries<Payload>(db: PrismaClient, handler: WebhookHandler<Payload>, deliveries: Array<Delivery<Payload>>): Promise<CommitResult[]> {
  const commit = () => db.$transaction((tx) => applyWithReceipts(tx, handler, deliveries));
  try {
    return await commit();
  } catch (error) {
    if (deliveries.length > 1) {
      const results: CommitResult[] = [];
      for (const delivery of deliveries) results.push(...(await commitDeliveries(db, handler, [delivery])));
      return results;
    }
    if (!isUniqueViolation(error)) return [new CommitFailure(error)];
    return commit().catch((retryError: unknown) => [new CommitFailure(retryError)]);
  }
}

async function applyWithReceipts<Payload>(tx: Db, handler: WebhookHandler<Payload>, deliveries: Array<Delivery<Payload>>): Promise<CommitResult[]> {
  const isNew = await recordReceipts(tx, deliveries);
  const outcomes = await handler.apply(tx, deliveries.filter((_, index) => isNew[index]));
  return isNew.map((fresh) => (fresh ? outcomes.shift()! : null));
}
