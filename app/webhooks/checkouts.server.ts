import type { Db } from "~/db/client.server";
import { recordActivity } from "~/models/activity.server";
import { markCheckoutPurchased, saveCheckoutSnapshot, type CheckoutSnapshot } from "~/models/checkout.server";
import { linkWaitingOrders } from "~/models/order.server";
import { findCheckoutSettings } from "~/models/shop.server";
import { announceRecovery } from "~/recovery/checkout-events.server";
import { checkoutPayload } from "./payloads/checkout";
import type { Delivery, WebhookHandler } from "./webhook-handler";

export const checkoutsCreate: WebhookHandler<CheckoutSnapshot> = {
  topic: "CHECKOUTS_CREATE",
  payload: checkoutPayload,
  apply: ingestCheckout,
};

export const checkoutsUpdate: WebhookHandler<CheckoutSnapshot> = {
  topic: "CHECKOUTS_UPDATE",
  payload: checkoutPayload,
  apply: ingestCheckout,
};

async function ingestCheckout(tx: Db, { shop, topic, webhookId, payload: snapshot }: Delivery<CheckoutSnapshot>): Promise<string> {
  const settings = await findCheckoutSettings(tx, shop);
  if (!settings) return "ignored: shop not installed";
  const saved = await saveCheckoutSnapshot(tx, shop, snapshot, settings);
  // Timed by Shopify's updated_at, so the timeline reads in the order things happened at checkout.
  await recordActivity(tx, shop, {
    kind: "webhook_received",
    reason: saved.applied ? null : "older_than_stored",
    checkoutId: saved.id,
    at: snapshot.shopifyUpdatedAt,
    detail: { topic, webhookId },
  });
  if (!saved.applied) return "ignored: older than the stored checkout";
  if (!snapshot.completedAt) return "stored";

  if ((await markCheckoutPurchased(tx, shop, saved.id, snapshot.completedAt)) === "recovered") {
    await announceRecovery(tx, shop, saved.id, snapshot.completedAt);
  }
  // The order may have arrived first (Shopify does not order deliveries).
  const linked = await linkWaitingOrders(tx, shop, { id: saved.id, token: snapshot.token, cartToken: snapshot.cartToken });
  return linked ? "stored as completed, order linked" : "stored as completed";
}
