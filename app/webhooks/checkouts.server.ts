import type { Db } from "~/db/client.server";
import { recordActivities } from "~/models/activity.server";
import { markCheckoutPurchased, saveCheckoutSnapshots, type CheckoutSnapshot, type SavedSnapshot } from "~/models/checkout.server";
import { linkWaitingOrders } from "~/models/order.server";
import { findCheckoutSettings } from "~/models/shop.server";
import { announceRecovery } from "~/recovery/checkout-events.server";
import { checkoutPayload } from "./payloads/checkout";
import type { Delivery, WebhookHandler } from "./webhook-handler";

export const checkoutsCreate: WebhookHandler<CheckoutSnapshot> = {
  topic: "CHECKOUTS_CREATE",
  payload: checkoutPayload,
  apply: ingestCheckouts,
};

export const checkoutsUpdate: WebhookHandler<CheckoutSnapshot> = {
  topic: "CHECKOUTS_UPDATE",
  payload: checkoutPayload,
  apply: ingestCheckouts,
};

/**
 * Checkout deliveries are most of what Shopify sends, so those that arrive together are stored with a
 * few statements between them: one read of their shops, one upsert of their checkouts (per round of
 * the same checkout, see saveCheckoutSnapshots), one insert of their timeline entries. Completions,
 * rarer, are then applied one by one.
 */
async function ingestCheckouts(tx: Db, deliveries: Array<Delivery<CheckoutSnapshot>>): Promise<string[]> {
  const settings = await findCheckoutSettings(tx, [...new Set(deliveries.map(({ shop }) => shop))]);
  const installed = deliveries.filter(({ shop }) => settings.has(shop));
  const saved = await saveCheckoutSnapshots(
    tx,
    installed.map(({ shop, payload }) => ({ shop, snapshot: payload, settings: settings.get(shop)! })),
  );
  // Timed by Shopify's updated_at, so the timeline reads in the order things happened at checkout.
  await recordActivities(
    tx,
    installed.map(({ shop, topic, webhookId, payload }, index) => ({
      shop,
      kind: "webhook_received",
      reason: saved[index]!.applied ? null : "older_than_stored",
      checkoutId: saved[index]!.id,
      at: payload.shopifyUpdatedAt,
      detail: { topic, webhookId },
    })),
  );

  const outcomes: string[] = [];
  for (const [index, delivery] of installed.entries()) outcomes.push(await completeIfPurchased(tx, delivery, saved[index]!));
  return deliveries.map(({ shop }) => (settings.has(shop) ? outcomes.shift()! : "ignored: shop not installed"));
}

async function completeIfPurchased(tx: Db, { shop, payload: snapshot }: Delivery<CheckoutSnapshot>, saved: SavedSnapshot): Promise<string> {
  if (!saved.applied) return "ignored: older than the stored checkout";
  if (!snapshot.completedAt) return "stored";

  if ((await markCheckoutPurchased(tx, shop, saved.id, snapshot.completedAt)) === "recovered") {
    await announceRecovery(tx, shop, saved.id, snapshot.completedAt);
  }
  // The order may have arrived first (Shopify does not order deliveries).
  const linked = await linkWaitingOrders(tx, shop, { id: saved.id, token: snapshot.token, cartToken: snapshot.cartToken });
  return linked ? "stored as completed, order linked" : "stored as completed";
}
