import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { deliverWebhook, serverAnswer, type Topic } from "../doubles/shopify-webhook";
import { checkoutPayload, minutesAfterCheckoutCreated, orderPayload } from "../factories/payloads";
import { createShop } from "../factories/shop";
import { takeDatabaseAway } from "../support/database-outage";
import { resetDatabase } from "../support/database";

interface Delivery {
  topic: Topic;
  body: unknown;
  webhookId: string;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** Shopify's side of a delivery: anything but a 2xx is kept and sent again later under the same webhook id. */
function shopify() {
  const pending: Delivery[] = [];
  const send = async (delivery: Delivery) => {
    const { status } = await serverAnswer(deliverWebhook(delivery.topic, delivery.body, { webhookId: delivery.webhookId }));
    if (!isSuccess(status)) pending.push(delivery);
    return status;
  };
  return {
    send,
    pending,
    /** Shopify promises no order, so the retries go out newest first. */
    retryPending: async () => {
      for (const delivery of pending.splice(0).reverse()) await send(delivery);
    },
  };
}

const buys = (shopper: number) => shopper % 2 === 0;
const byToken = (a: { token: string }, b: { token: string }) => (a.token < b.token ? -1 : 1);

/** Shopper n's checkout, its update with a new email (completed for buyers), and a buyer's order. */
function shopperDeliveries(shopper: number): Delivery[] {
  const token = `checkout-${shopper}`;
  const checkout = { token, cart_token: `cart-${shopper}`, email: `shopper-${shopper}@example.com` };
  const update = { ...checkout, email: `shopper-${shopper}+new@example.com`, updated_at: minutesAfterCheckoutCreated(5), ...(buys(shopper) && { completed_at: minutesAfterCheckoutCreated(5) }) };
  return [
    { topic: "checkouts/create", body: checkoutPayload(checkout), webhookId: `create-${shopper}` },
    { topic: "checkouts/update", body: checkoutPayload(update), webhookId: `update-${shopper}` },
    ...(buys(shopper) ? [{ topic: "orders/create" as const, body: orderPayload({ id: 5_000 + shopper, checkout_token: token, cart_token: null }), webhookId: `order-${shopper}` }] : []),
  ];
}

async function stored() {
  const [receipts, checkouts, orders, timeline] = await Promise.all([
    db.webhookReceipt.findMany(),
    db.checkout.findMany({ include: { orders: { select: { shopifyId: true } } } }),
    db.order.count(),
    db.activity.findMany({ where: { shop: TEST_SHOP, kind: "webhook_received" }, select: { detail: true } }),
  ]);
  // An order that arrives before its checkout is linked later, without an entry of its own: count checkouts'.
  const checkoutTimeline = timeline.filter(({ detail }) => (detail as { topic?: string }).topic?.startsWith("CHECKOUTS_")).length;
  // Sorted here, not by the database, whose collation may differ from JavaScript's.
  return { receipts: receipts.map((receipt) => receipt.webhookId).sort(), checkouts: checkouts.sort(byToken), orders, checkoutTimeline };
}

// Shopify's session storage reports each failed look for its table on console.log, with Prisma's whole error.
beforeEach(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("webhooks while the database is away", () => {
  it("are answered with a 5xx so Shopify retries, write nothing, and are stored once when redelivered after it returns", async () => {
    const deliveries = shopperDeliveries(0);
    const sender = shopify();
    const outage = await takeDatabaseAway();
    const statuses = [];
    try {
      for (const delivery of deliveries) statuses.push(await sender.send(delivery));
    } finally {
      await outage.end();
    }

    expect(statuses.every((status) => status >= 500)).toBe(true);
    expect(await stored()).toEqual({ receipts: [], checkouts: [], orders: 0, checkoutTimeline: 0 });

    for (const redelivery of [1, 2]) {
      for (const delivery of deliveries) expect(await sender.send(delivery), `redelivery ${redelivery} of ${delivery.webhookId}`).toBe(200);
    }
    const after = await stored();
    expect(after).toMatchObject({ receipts: ["create-0", "order-0", "update-0"], orders: 1, checkoutTimeline: 2 });
    expect(after.checkouts).toEqual([expect.objectContaining({ token: "checkout-0", status: "completed", email: "shopper-0+new@example.com", orders: [{ shopifyId: "5000" }] })]);
  });

  it("lose nothing of the stream they interrupt: once it is back, Shopify's retries store every delivery exactly once", async () => {
    const sender = shopify();
    const shoppers = Array.from({ length: 12 }, (_, shopper) => shopperDeliveries(shopper));
    const [before, during, after] = [shoppers.slice(0, 4).flat(), shoppers.slice(4, 8).flat(), shoppers.slice(8).flat()];

    for (const delivery of before) await sender.send(delivery);
    const outage = await takeDatabaseAway();
    try {
      for (const delivery of during) expect(await sender.send(delivery)).toBeGreaterThanOrEqual(500);
    } finally {
      await outage.end();
    }
    for (const delivery of after) await sender.send(delivery);
    expect(sender.pending).toHaveLength(during.length);
    await sender.retryPending();
    // At-least-once delivery: Shopify may also repeat some that had succeeded.
    for (const delivery of [before[0]!, during[1]!, after[2]!]) await sender.send(delivery);

    expect(sender.pending).toEqual([]);
    const { receipts, checkouts, orders, checkoutTimeline } = await stored();
    const all = shoppers.flat();
    expect(receipts).toEqual(all.map((delivery) => delivery.webhookId).sort());
    expect(orders).toBe(6);
    expect(checkoutTimeline).toBe(all.filter((delivery) => delivery.topic !== "orders/create").length);
    expect(checkouts.map(({ token, email, status, orders }) => ({ token, email, status, orders: orders.length }))).toEqual(
      shoppers
        .map((_, shopper) => ({ token: `checkout-${shopper}`, email: `shopper-${shopper}+new@example.com`, status: buys(shopper) ? "completed" : "open", orders: buys(shopper) ? 1 : 0 }))
        .sort(byToken),
    );
  });
});
