import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload, customersDataRequestPayload, customersRedactPayload, orderPayload } from "../factories/payloads";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const OTHER_SHOPPER = {
  token: "bob-checkout",
  cart_token: "bob-cart",
  email: "bob@example.com",
  customer: { id: 111, email: "bob@example.com", first_name: "Bob", last_name: "Ray" },
};

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  await deliverWebhook("checkouts/create", checkoutPayload());
  await deliverWebhook("orders/create", orderPayload());
  await deliverWebhook("checkouts/create", checkoutPayload(OTHER_SHOPPER));
  await deliverWebhook("customers/data_request", customersDataRequestPayload());
});

describe("customers/redact webhook", () => {
  it("erases the customer's personal data from checkouts, orders and data requests", async () => {
    const response = await deliverWebhook("customers/redact", customersRedactPayload());

    expect(response.status).toBe(200);
    const ann = await db.checkout.findUniqueOrThrow({ where: { shop_token: { shop: TEST_SHOP, token: "da4a9d115469c72cf166bfbe6c5313d1" } } });
    expect(ann).toMatchObject({ email: null, phone: null, firstName: null, lastName: null, customerId: null, recoveryUrl: null, countryCode: null });
    expect(ann.redactedAt).toBeInstanceOf(Date);
    expect(ann.totalPrice).toBe("137.77");
    expect(await db.order.findFirstOrThrow()).toMatchObject({ email: null, customerId: null, phone: null, totalPrice: "128.23" });
    expect(await db.dataRequest.findFirstOrThrow()).toMatchObject({ email: null, customerId: null, phone: null, shopifyRequestId: "9999" });
  });

  it("erases the shopper's free-text survey comments, keeping the anonymous reason", async () => {
    const ann = await db.checkout.findFirstOrThrow({ where: { email: "ann@example.com" } });
    const { stepRun } = await createSentMessage({ checkout: { email: "someone@example.com" } });
    await db.surveyAnswer.create({
      data: { shop: TEST_SHOP, checkoutId: ann.id, stepRunId: stepRun.id, reason: "other", comment: "Call me on 555-0142", answeredAt: new Date() },
    });

    await deliverWebhook("customers/redact", customersRedactPayload());

    expect(await db.surveyAnswer.findFirstOrThrow()).toMatchObject({ reason: "other", comment: null });
  });

  it("leaves other shoppers untouched", async () => {
    await deliverWebhook("customers/redact", customersRedactPayload());

    const bob = await db.checkout.findUniqueOrThrow({ where: { shop_token: { shop: TEST_SHOP, token: "bob-checkout" } } });
    expect(bob).toMatchObject({ email: "bob@example.com", firstName: "Bob", customerId: "111", redactedAt: null });
  });

  it("matches records by email alone when Shopify sends no customer id", async () => {
    await deliverWebhook("customers/redact", customersRedactPayload({ customer: { email: "ann@example.com" }, orders_to_redact: [] }));

    expect(await db.checkout.count({ where: { email: "ann@example.com" } })).toBe(0);
    expect(await db.order.count({ where: { email: "ann@example.com" } })).toBe(0);
  });

  it("redacts the orders Shopify lists even when they carry no matching contact", async () => {
    await db.order.updateMany({ data: { email: "other-contact@example.com", customerId: null } });
    await deliverWebhook("customers/redact", customersRedactPayload({ customer: { id: 424242 } }));

    expect(await db.order.findFirstOrThrow()).toMatchObject({ email: null });
  });

  it("refuses a body naming another shop", async () => {
    const response = await deliverWebhook("customers/redact", customersRedactPayload({ shop_domain: "other.myshopify.com" }));

    expect(response.status).toBe(400);
    expect(await db.checkout.count({ where: { email: "ann@example.com" } })).toBe(1);
  });
});
