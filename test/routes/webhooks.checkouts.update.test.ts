import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload, minutesAfterCheckoutCreated, orderPayload } from "../factories/payloads";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const TOKEN = "da4a9d115469c72cf166bfbe6c5313d1";
const storedCheckout = () => db.checkout.findUniqueOrThrow({ where: { shop_token: { shop: TEST_SHOP, token: TOKEN } } });

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("checkouts/update webhook", () => {
  it("updates the stored checkout with newer data", async () => {
    await deliverWebhook("checkouts/create", checkoutPayload());
    const response = await deliverWebhook(
      "checkouts/update",
      checkoutPayload({ updated_at: minutesAfterCheckoutCreated(5), total_price: "99.00", email: "ann.lee@example.com" }),
    );

    expect(response.status).toBe(200);
    expect(await storedCheckout()).toMatchObject({ totalPrice: "99.00", totalPriceMinor: 9900n, email: "ann.lee@example.com" });
  });

  it("never lets an older update overwrite newer data, whatever order they arrive in", async () => {
    await deliverWebhook("checkouts/update", checkoutPayload({ updated_at: minutesAfterCheckoutCreated(9), total_price: "150.00" }));
    const late = await deliverWebhook(
      "checkouts/update",
      checkoutPayload({ updated_at: minutesAfterCheckoutCreated(4), total_price: "20.00", email: "stale@example.com" }),
    );

    expect(late.status).toBe(200);
    expect(await storedCheckout()).toMatchObject({
      totalPrice: "150.00",
      email: "ann@example.com",
      shopifyUpdatedAt: new Date(minutesAfterCheckoutCreated(9)),
    });
  });

  it("stores an update for a checkout whose create never arrived", async () => {
    const response = await deliverWebhook("checkouts/update", checkoutPayload({ updated_at: minutesAfterCheckoutCreated(3) }));

    expect(response.status).toBe(200);
    expect(await storedCheckout()).toMatchObject({ status: "open" });
  });

  it("marks a completed checkout completed", async () => {
    await deliverWebhook("checkouts/create", checkoutPayload());
    const completedAt = minutesAfterCheckoutCreated(12);
    await deliverWebhook("checkouts/update", checkoutPayload({ updated_at: completedAt, completed_at: completedAt }));

    expect(await storedCheckout()).toMatchObject({ status: "completed", completedAt: new Date(completedAt) });
  });

  it("marks a checkout we had counted as abandoned recovered when it completes", async () => {
    await deliverWebhook("checkouts/create", checkoutPayload());
    await db.checkout.updateMany({ data: { status: "abandoned", abandonedAt: new Date() } });
    const completedAt = minutesAfterCheckoutCreated(90);
    await deliverWebhook("checkouts/update", checkoutPayload({ updated_at: completedAt, completed_at: completedAt }));

    expect(await storedCheckout()).toMatchObject({ status: "recovered" });
  });

  it("links an order that arrived before the completed checkout", async () => {
    await deliverWebhook("orders/create", orderPayload());
    const completedAt = minutesAfterCheckoutCreated(30);
    await deliverWebhook("checkouts/update", checkoutPayload({ updated_at: completedAt, completed_at: completedAt }));

    const checkout = await storedCheckout();
    expect(checkout.status).toBe("completed");
    const order = await db.order.findFirstOrThrow();
    expect(order).toMatchObject({ checkoutId: checkout.id, linkedBy: "checkout_token" });
  });

  it("keeps the final status when a later update arrives without completed_at", async () => {
    const completedAt = minutesAfterCheckoutCreated(12);
    await deliverWebhook("checkouts/update", checkoutPayload({ updated_at: completedAt, completed_at: completedAt }));
    await deliverWebhook("checkouts/update", checkoutPayload({ updated_at: minutesAfterCheckoutCreated(20) }));

    expect(await storedCheckout()).toMatchObject({ status: "completed", completedAt: new Date(completedAt) });
  });
});

describe("the checkout's timeline", () => {
  it("records every delivery with its topic and webhook id, and why a stale one changed nothing", async () => {
    await deliverWebhook("checkouts/update", checkoutPayload({ updated_at: minutesAfterCheckoutCreated(9) }), { webhookId: "newer" });
    await deliverWebhook("checkouts/update", checkoutPayload({ updated_at: minutesAfterCheckoutCreated(4) }), { webhookId: "older" });

    const entries = await db.activity.findMany({ where: { kind: "webhook_received" }, orderBy: { at: "asc" } });
    expect(entries.map((entry) => [entry.reason, (entry.detail as { webhookId: string }).webhookId])).toEqual([
      ["older_than_stored", "older"],
      [null, "newer"],
    ]);
  });
});
