import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload, minutesAfterCheckoutCreated, orderPayload } from "../factories/payloads";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const DAY_IN_MINUTES = 24 * 60;

/** An order carrying no token, so only the contact fallback can link it. */
const orderWithoutTokens = (overrides: Record<string, unknown> = {}) =>
  orderPayload({ checkout_token: null, cart_token: null, ...overrides });

const checkoutStatus = async (token: string) =>
  (await db.checkout.findUniqueOrThrow({ where: { shop_token: { shop: TEST_SHOP, token } } })).status;

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("orders/create webhook", () => {
  it("stores the order with its id as a string and links it by checkout token", async () => {
    await deliverWebhook("checkouts/create", checkoutPayload());
    const response = await deliverWebhook("orders/create", orderPayload());

    expect(response.status).toBe(200);
    const order = await db.order.findFirstOrThrow({ include: { checkout: true } });
    expect(order).toMatchObject({
      shopifyId: "5912847362183",
      name: "#1042",
      email: "ann@example.com",
      customerId: "7677484597543",
      totalPrice: "128.23",
      totalPriceMinor: 12823n,
      currency: "USD",
      discountCodes: ["COMEBACK-7QK2"],
      linkedBy: "checkout_token",
    });
    expect(order.checkout?.token).toBe("da4a9d115469c72cf166bfbe6c5313d1");
    expect(order.checkout?.status).toBe("completed");
    expect(order.checkout?.completedAt).toEqual(new Date("2026-11-21T14:15:31Z"));
  });

  it("turns an abandoned checkout into a recovered one", async () => {
    await deliverWebhook("checkouts/create", checkoutPayload());
    await db.checkout.updateMany({ data: { status: "abandoned" } });
    await deliverWebhook("orders/create", orderPayload());

    expect(await checkoutStatus("da4a9d115469c72cf166bfbe6c5313d1")).toBe("recovered");
  });

  it("keeps an 18-digit order id exactly", async () => {
    const raw = JSON.stringify(orderPayload()).replace('"id":5912847362183', '"id":981820079255243537');
    await deliverWebhook("orders/create", raw);

    expect((await db.order.findFirstOrThrow()).shopifyId).toBe("981820079255243537");
  });

  it("falls back to the cart token when the checkout token matches nothing", async () => {
    await deliverWebhook("checkouts/create", checkoutPayload({ token: "another-checkout-token" }));
    await deliverWebhook("orders/create", orderPayload());

    expect(await db.order.findFirstOrThrow()).toMatchObject({ linkedBy: "cart_token" });
    expect(await checkoutStatus("another-checkout-token")).toBe("completed");
  });

  it("falls back to the shopper's open checkout with the same email within 7 days", async () => {
    await deliverWebhook("checkouts/create", checkoutPayload({ cart_token: null }));
    await deliverWebhook("orders/create", orderWithoutTokens({ email: "ANN@example.com", created_at: minutesAfterCheckoutCreated(3 * DAY_IN_MINUTES) }));

    expect(await db.order.findFirstOrThrow()).toMatchObject({ linkedBy: "email" });
    expect(await checkoutStatus("da4a9d115469c72cf166bfbe6c5313d1")).toBe("completed");
  });

  it("falls back to the same phone when there is no email match", async () => {
    await deliverWebhook("checkouts/create", checkoutPayload({ cart_token: null, email: null, customer: null, phone: "+15025550142" }));
    await deliverWebhook("orders/create", orderWithoutTokens({ email: "someone-else@example.com", customer: null, contact_email: null, phone: "+15025550142" }));

    expect(await db.order.findFirstOrThrow()).toMatchObject({ linkedBy: "phone" });
  });

  it("does not link by email a checkout older than 7 days, or one already purchased", async () => {
    await deliverWebhook("checkouts/create", checkoutPayload({ cart_token: null }));
    await deliverWebhook(
      "checkouts/create",
      checkoutPayload({
        token: "completed-checkout",
        cart_token: null,
        created_at: minutesAfterCheckoutCreated(8 * DAY_IN_MINUTES),
        updated_at: minutesAfterCheckoutCreated(8 * DAY_IN_MINUTES),
        completed_at: minutesAfterCheckoutCreated(8 * DAY_IN_MINUTES),
      }),
    );
    await deliverWebhook("orders/create", orderWithoutTokens({ created_at: minutesAfterCheckoutCreated(8 * DAY_IN_MINUTES + 5) }));

    expect(await db.order.findFirstOrThrow()).toMatchObject({ checkoutId: null, linkedBy: null });
    expect(await checkoutStatus("da4a9d115469c72cf166bfbe6c5313d1")).toBe("open");
  });

  it("stores an order that matches no checkout", async () => {
    const response = await deliverWebhook("orders/create", orderPayload());

    expect(response.status).toBe(200);
    expect(await db.order.findFirstOrThrow()).toMatchObject({ checkoutId: null, checkoutToken: "da4a9d115469c72cf166bfbe6c5313d1" });
  });

  it("stores the same order once even when delivered under two webhook ids", async () => {
    await deliverWebhook("orders/create", orderPayload());
    const second = await deliverWebhook("orders/create", orderPayload({ total_price: "1.00" }));

    expect(second.status).toBe(200);
    const orders = await db.order.findMany();
    expect(orders).toHaveLength(1);
    expect(orders[0]?.totalPrice).toBe("128.23");
  });

  it("ignores orders for a shop that is not installed", async () => {
    const response = await deliverWebhook("orders/create", orderPayload(), { shop: "stranger.myshopify.com" });

    expect(response.status).toBe(200);
    expect(await db.order.count()).toBe(0);
  });

  it("rejects an order without an id with 400", async () => {
    const response = await deliverWebhook("orders/create", orderPayload({ id: null }));

    expect(response.status).toBe(400);
    expect(await db.order.count()).toBe(0);
  });
});
