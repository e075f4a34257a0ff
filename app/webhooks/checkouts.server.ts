import type { Db } from "~/db/client.server";
import type { RawSql } from "~/db/direct-transaction.server";
import { recordActivities } from "~/models/activity.server";
import { markCheckoutPurchased, saveCheckoutSnapshots, type CheckoutSnapshot, type SavedSnapshot } from "~/models/checkout.server";
import { linkWaitingOrders } from "~/models/order.server";
import { findCheckoutSettings } from "~/models/shop.server";
import { announceRecovery } from "~/recovery/checkout-events.server";
import { checkoutPayload } from "./payloads/checkout";
import type { Delivery, DirectApply, WebhookHandler } from "./webhook-handler";

/** Checkouts not completed, most of what Shopify sends, are stored with raw statements alone. */
const storedDirectly: DirectApply<CheckoutSnapshot> = {
  handles: ({ payload }) => !payload.completedAt,
  apply: async (tx, deliveries) => (await storeSnapshots(tx, deliveries)).map((saved) => (saved ? storedOutcome(saved) : NOT_INSTALLED)),
};

export const checkoutsCreate: WebhookHandler<CheckoutSnapshot> = {
  topic: "CHECKOUTS_CREATE",
  payload: checkoutPayload,
  apply: ingestCheckouts,
  direct: storedDirectly,
};

export const checkoutsUpdate: WebhookHandler<CheckoutSnapshot> = {
  topic: "CHECKOUTS_UPDATE",
  payload: checkoutPayload,
  apply: ingestCheckouts,
  direct: storedDirectly,
};

const NOT_INSTALLED = "ignored: shop not installed";

/**
 * Checkout deliveries are most of what Shopify sends, so those that arrive together are stored with a
 * few statements between them: one read of their shops, one upsert of their checkouts (per round of
 * the same checkout, see saveCheckoutSnapshots), one insert of their timeline entries. Completions,
 * rarer, are then applied one by one; a batch without them is stored in a direct transaction
 * (`storedDirectly`, see commitDeliveries).
 */
async function ingestCheckouts(tx: Db, deliveries: Array<Delivery<CheckoutSnapshot>>): Promise<string[]> {
  const saved = await storeSnapshots(tx, deliveries);
  const outcomes: string[] = [];
  for (const [index, { shop, payload }] of deliveries.entries()) {
    const stored = saved[index];
    if (!stored) outcomes.push(NOT_INSTALLED);
    else if (stored.applied && payload.completedAt) outcomes.push(await complete(tx, shop, payload, payload.completedAt, stored.id));
    else outcomes.push(storedOutcome(stored));
  }
  return outcomes;
}

/** Each delivery's saved checkout, or null when its shop is not installed. */
async function storeSnapshots(tx: RawSql, deliveries: Array<Delivery<CheckoutSnapshot>>): Promise<Array<SavedSnapshot | null>> {
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

  return deliveries.map(({ shop }) => (settings.has(shop) ? saved.shift()! : null));
}

/** What became of a delivery that completed nothing. */
const storedOutcome = (saved: SavedSnapshot) => (saved.applied ? "stored" : "ignored: older than the stored checkout");

async function complete(tx: Db, shop: string, snapshot: CheckoutSnapshot, completedAt: Date, checkoutId: number): Promise<string> {
  if ((await markCheckoutPurchased(tx, shop, checkoutId, completedAt)) === "recovered") {
    await announceRecovery(tx, shop, checkoutId, completedAt);
  }
  // The order may have arrived first (Shopify does not order deliveries).
  const linked = await linkWaitingOrders(tx, shop, { id: checkoutId, token: snapshot.token, cartToken: snapshot.cartToken });
  return linked ? "stored as completed, order linked" : "stored as completed";
}
