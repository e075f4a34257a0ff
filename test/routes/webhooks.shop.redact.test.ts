import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload, customersDataRequestPayload, orderPayload, shopRedactPayload } from "../factories/payloads";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";

const OTHER_SHOP = "other-shop.myshopify.com";

beforeEach(async () => {
  await resetDatabase();
  for (const shop of [TEST_SHOP, OTHER_SHOP]) {
    await createShop({ domain: shop });
    await storeOfflineSession(shop);
    await deliverWebhook("checkouts/create", checkoutPayload(), { shop });
    await deliverWebhook("orders/create", orderPayload(), { shop });
    await deliverWebhook("customers/data_request", customersDataRequestPayload({ shop_domain: shop }), { shop });
  }
});

describe("shop/redact webhook", () => {
  it("deletes everything held for the shop and nothing of other shops", async () => {
    const response = await deliverWebhook("shop/redact", shopRedactPayload(), { webhookId: "redact-1" });

    expect(response.status).toBe(200);
    expect(await db.shop.count({ where: { domain: TEST_SHOP } })).toBe(0);
    expect(await db.checkout.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await db.order.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await db.dataRequest.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await db.session.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await db.webhookReceipt.findMany({ where: { shop: TEST_SHOP } })).toEqual([
      expect.objectContaining({ webhookId: "redact-1", topic: "SHOP_REDACT" }),
    ]);
    expect(await db.checkout.count({ where: { shop: OTHER_SHOP } })).toBe(1);
    expect(await db.order.count({ where: { shop: OTHER_SHOP } })).toBe(1);
    expect(await db.session.count({ where: { shop: OTHER_SHOP } })).toBe(1);
  });

  it("deletes the shop's sequences, templates, enrollments and send records too", async () => {
    await createSentMessage();
    const response = await deliverWebhook("shop/redact", shopRedactPayload());

    expect(response.status).toBe(200);
    expect(await db.sequence.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await db.template.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await db.enrollment.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await db.stepRun.count({ where: { shop: TEST_SHOP } })).toBe(0);
    expect(await db.activity.count({ where: { shop: TEST_SHOP } })).toBe(0);
  });

  it("acknowledges a redelivery without doing anything more", async () => {
    await deliverWebhook("shop/redact", shopRedactPayload(), { webhookId: "redact-1" });
    const again = await deliverWebhook("shop/redact", shopRedactPayload(), { webhookId: "redact-1" });

    expect(again.status).toBe(200);
  });

  it("refuses a body naming another shop than its header", async () => {
    const response = await deliverWebhook("shop/redact", shopRedactPayload({ shop_domain: OTHER_SHOP }));

    expect(response.status).toBe(400);
    expect(await db.checkout.count({ where: { shop: TEST_SHOP } })).toBe(1);
  });
});
