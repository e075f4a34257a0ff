import type { Db } from "~/db/client.server";
import { findCheckoutForOrder, markCheckoutPurchased } from "~/models/checkout.server";
import { createOrder, orderExists, type OrderRecord } from "~/models/order.server";
import { findInstalledShop } from "~/models/shop.server";
import { orderPayload } from "./payloads/order";
import type { Delivery, WebhookHandler } from "./webhook-handler";

export const ordersCreate: WebhookHandler<OrderRecord> = {
  topic: "ORDERS_CREATE",
  payload: orderPayload,
  apply: ingestOrder,
};

async function ingestOrder(tx: Db, { shop, payload: order }: Delivery<OrderRecord>): Promise<string> {
  if (!(await findInstalledShop(tx, shop))) return "ignored: shop not installed";
  if (await orderExists(tx, shop, order.shopifyId)) return "ignored: order already stored";

  const checkout = await findCheckoutForOrder(tx, shop, order);
  await createOrder(tx, shop, order, checkout);
  if (!checkout) return "stored without a checkout";
  await markCheckoutPurchased(tx, shop, checkout.id, order.shopifyCreatedAt);
  return `stored, linked by ${checkout.linkedBy}`;
}
