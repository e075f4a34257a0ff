import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { SHOWN_RESPONSE_BYTES, testSendToDestination } from "~/settings/test-send.server";
import { createCheckout } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { createReceiverDestination, testHttp } from "../outbound/outbound-world";
import { resetDatabase } from "../support/database";
import { useWebhookReceiver } from "../support/webhook-receiver";

const NOW = new Date("2026-11-21T10:00:00Z");
const receiver = useWebhookReceiver({ clock: () => NOW });

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

const send = (destinationId: number, checkoutId: number) => testSendToDestination({ db, http: testHttp(), shop: TEST_SHOP, destinationId, checkoutId, now: NOW });

describe("testSendToDestination", () => {
  it("reports the status code, latency and the endpoint's answer", async () => {
    const destination = await createReceiverDestination(receiver);
    const checkout = await createCheckout();

    expect(await send(destination.id, checkout.id)).toEqual({
      status: "delivered",
      statusCode: 200,
      latencyMs: expect.any(Number),
      error: null,
      responseBody: '{"received":true}',
      responseTruncated: false,
    });
    expect(receiver.accepted).toHaveLength(1);
  });

  it("shows only the first KB of a long answer, and says it was cut", async () => {
    const destination = await createReceiverDestination(receiver);
    const checkout = await createCheckout();
    receiver.respondNext({ kind: "large", bytes: 5000 });

    const report = await send(destination.id, checkout.id);
    expect(report).toMatchObject({ status: "delivered", responseTruncated: true });
    expect(report?.status !== "template_error" && report?.responseBody).toBe("x".repeat(SHOWN_RESPONSE_BYTES));
  });

  it("reports a refusal with the endpoint's words", async () => {
    const destination = await createReceiverDestination(receiver);
    const checkout = await createCheckout();
    receiver.respondNext({ kind: "status", status: 422, body: "missing contact" });

    expect(await send(destination.id, checkout.id)).toMatchObject({ status: "failed", statusCode: 422, error: "HTTP 422", responseBody: "missing contact" });
  });

  it("reports a template that fails for the checkout, with its line", async () => {
    const destination = await createReceiverDestination(receiver, { payloadTemplate: '{\n  "second": {{ checkout.line_items[1].title | json }}\n}' });
    const checkout = await createCheckout({ lineItems: [] });

    expect(await send(destination.id, checkout.id)).toEqual({ status: "template_error", line: 2, error: expect.any(String) });
    expect(receiver.requests).toHaveLength(0);
  });

  it("is null for a destination or checkout that is not the shop's", async () => {
    await createShop({ domain: "other-shop.myshopify.com" });
    const theirs = await createReceiverDestination(receiver, {}, "other-shop.myshopify.com");
    const mine = await createReceiverDestination(receiver);
    const myCheckout = await createCheckout();
    const theirCheckout = await createCheckout({ shop: "other-shop.myshopify.com" });

    expect(await send(theirs.id, myCheckout.id)).toBeNull();
    expect(await send(mine.id, theirCheckout.id)).toBeNull();
    expect(receiver.requests).toHaveLength(0);
  });
});
