import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { deliverWebhook, serverAnswer } from "../doubles/shopify-webhook";
import { checkoutPayload, minutesAfterCheckoutCreated, orderPayload } from "../factories/payloads";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const CHECKOUTS = 12;

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("deliveries about one new record arriving at once", () => {
  it("of one checkout are all stored: the one that finds the checkout created under it is applied again, not refused", async () => {
    const deliveries = Array.from({ length: CHECKOUTS }, (_, shopper) => {
      const checkout = { token: `checkout-${shopper}`, cart_token: `cart-${shopper}`, email: `shopper-${shopper}@example.com` };
      const update = { ...checkout, email: `shopper-${shopper}+new@example.com`, updated_at: minutesAfterCheckoutCreated(5) };
      return [
        serverAnswer(deliverWebhook("checkouts/create", checkoutPayload(checkout), { webhookId: `create-${shopper}` })),
        serverAnswer(deliverWebhook("checkouts/update", checkoutPayload(update), { webhookId: `update-${shopper}` })),
      ];
    });

    const statuses = (await Promise.all(deliveries.flat())).map((answer) => answer.status);

    expect(statuses).toEqual(Array(CHECKOUTS * 2).fill(200));
    const checkouts = await db.checkout.findMany({ where: { shop: TEST_SHOP }, orderBy: { token: "asc" } });
    expect(checkouts).toHaveLength(CHECKOUTS);
    // Whichever came first, the newer update's data is what stays.
    expect(checkouts.every((checkout) => checkout.email?.endsWith("+new@example.com"))).toBe(true);
    expect(await db.webhookReceipt.count()).toBe(CHECKOUTS * 2);
  });

  it("of one order under several webhook ids are all answered 200, and the order is stored once", async () => {
    const orders = Array.from({ length: CHECKOUTS }, (_, shopper) => orderPayload({ id: 5_912_847_362_183 + shopper, checkout_token: `checkout-${shopper}` }));
    const deliveries = orders.flatMap((order, shopper) =>
      ["first", "second"].map((copy) => serverAnswer(deliverWebhook("orders/create", order, { webhookId: `order-${shopper}-${copy}` }))),
    );

    const statuses = (await Promise.all(deliveries)).map((answer) => answer.status);

    expect(statuses).toEqual(Array(CHECKOUTS * 2).fill(200));
    expect(await db.order.count({ where: { shop: TEST_SHOP } })).toBe(CHECKOUTS);
    expect(await db.webhookReceipt.count()).toBe(CHECKOUTS * 2);
  });
});
