import type { z } from "zod";
import type { Db } from "~/db/client.server";
import type { RawSql } from "~/db/direct-transaction.server";

/** Topics as Shopify's libraries store them: X-Shopify-Topic `checkouts/update` is `CHECKOUTS_UPDATE`. */
export type WebhookTopic =
  | "CHECKOUTS_CREATE"
  | "CHECKOUTS_UPDATE"
  | "ORDERS_CREATE"
  | "APP_UNINSTALLED"
  | "CUSTOMERS_DATA_REQUEST"
  | "CUSTOMERS_REDACT"
  | "SHOP_REDACT";

export interface Delivery<Payload> {
  shop: string;
  webhookId: string;
  topic: WebhookTopic;
  payload: Payload;
}

export interface WebhookHandler<Payload> {
  topic: WebhookTopic;
  payload: z.ZodType<Payload>;
  /**
   * The shop a body names itself. Shopify signs the body but not the X-Shopify-Shop-Domain header, so
   * destructive topics refuse a body whose own shop differs from the header.
   */
  payloadShop?: (payload: Payload) => string | null;
  /**
   * Applies new deliveries, oldest first, in the transaction that records their receipts, and says
   * what happened to each (for the log). Deliveries that arrive together are applied together.
   */
  apply(tx: Db, deliveries: Array<Delivery<Payload>>): Promise<string[]>;
  /**
   * For topics whose usual deliveries need nothing but raw statements: which deliveries those are, and
   * how to apply them so, in a direct transaction, past Prisma's client (a batch of them only).
   */
  direct?: DirectApply<Payload>;
}

export interface DirectApply<Payload> {
  handles(delivery: Delivery<Payload>): boolean;
  apply(tx: RawSql, deliveries: Array<Delivery<Payload>>): Promise<string[]>;
}

/** For handlers whose deliveries gain nothing from being applied together. */
export function oneAtATime<Payload>(applyOne: (tx: Db, delivery: Delivery<Payload>) => Promise<string>): WebhookHandler<Payload>["apply"] {
  return async (tx, deliveries) => {
    const outcomes: string[] = [];
    for (const delivery of deliveries) outcomes.push(await applyOne(tx, delivery));
    return outcomes;
  };
}
