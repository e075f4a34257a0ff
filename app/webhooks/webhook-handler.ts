import type { z } from "zod";
import type { Db } from "~/db/client.server";

/** Topics as authenticate.webhook reports them. */
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
  /** Applies the delivery in the transaction that records its receipt, and says what happened (for the log). */
  apply(tx: Db, delivery: Delivery<Payload>): Promise<string>;
}
