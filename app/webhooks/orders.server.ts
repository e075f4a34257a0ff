import type { Db } from "~/db/client.server";
import { recordActivity } from "~/models/activity.server";
import { findCheckout, findCheckoutForOrder, markCheckoutPurchased } from "~/models/checkout.server";
import { createOrder, orderExists, type OrderRecord } from "~/models/order.server";
import { findInstalledShop } from "~/models/shop.server";
import { announceRecovery } from "~/recovery/checkout-events.server";
import { applyPurchase } from "~/recovery/purchase.server";
import { orderPayload } from "./payloads/order";
import { oneAtATime, type Delivery, type WebhookHandler } from "./webhook-handler";

export const ordersCreate: WebhookHandler<OrderRecord> = {
  topic: "ORDERS_CREATE",
  payload: orderPayload,
  apply: oneAtATime(ingestOrder),
};

async function ingestOrder(tx: Db, { shop, topic, webhookId, payload: order }: Delivery<OrderRecord>): Promise<string> {
  const installed = await findInstalledShop(tx, shop);
  if (!installed) return "ignored: shop not installed";
  if (await orderExists(tx, shop, order.shopifyId)) return "ignored: order already stored";

  const link = await findCheckoutForOrder(tx, shop, order);
  const orderId = await createOrder(tx, shop, order, link);
  if (link) {
    await recordActivity(tx, shop, {
      kind: "webhook_received",
      checkoutId: link.id,
      at: order.shopifyCreatedAt,
      detail: { topic, webhookId, orderId, orderName: order.name, linkedBy: link.linkedBy },
    });
  }
  if (link && (await markCheckoutPurchased(tx, shop, link.id, order.shopifyCreatedAt)) === "recovered") {
    await announceRecovery(tx, shop, link.id, order.shopifyCreatedAt);
  }
  const checkout = link && (await findCheckout(tx, shop, link.id));
  const attribution = await applyPurchase(tx, installed, { orderId, order, checkout });
  const linked = link ? `linked by ${link.linkedBy}` : "without a checkout";
  return attribution ? `stored, ${linked}, attributed (${attribution})` : `stored, ${linked}`;
}
