import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { listDeadLetters } from "~/outbound/deliveries.server";
import { deliverDueWebhooks } from "~/outbound/deliver-due-webhooks.server";
import { PRESETS } from "~/outbound/presets";
import { sendTestDelivery } from "~/outbound/send-test-delivery.server";
import { createCheckout } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { createReceiverDestination, testClock, testHttp } from "./outbound-world";
import { useWebhookReceiver } from "../support/webhook-receiver";

const NOW = new Date("2026-11-21T10:00:00Z");
const time = testClock(NOW.toISOString());
const receiver = useWebhookReceiver({ clock: time.clock });

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

const send = (destinationId: number, checkoutId: number, shop = TEST_SHOP) => sendTestDelivery({ db, http: testHttp(), shop, destinationId, checkoutId, now: NOW });

describe("sendTestDelivery", () => {
  it("delivers the payload rendered for a stored checkout, signed, and records it as a test", async () => {
    const destination = await createReceiverDestination(receiver, { preset: "crm", payloadTemplate: PRESETS.crm.template });
    const checkout = await createCheckout({ phone: "(415) 555-0123", countryCode: "US" });

    const outcome = await send(destination.id, checkout.id);
    if (outcome.status !== "delivered") throw new Error(`expected a delivery, got ${outcome.status}`);

    expect(outcome).toMatchObject({ status: "delivered", statusCode: 200, responseBody: '{"received":true}', error: null, messageId: expect.stringMatching(/^msg_/) });
    expect(receiver.accepted).toHaveLength(1);
    expect(JSON.parse(receiver.accepted[0]!.body)).toMatchObject({ event: "test", contact: { email: "ann@example.com", phone: "+14155550123" } });
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { messageId: outcome.messageId }, include: { attemptLog: true } });
    expect(row).toMatchObject({ event: "test", status: "delivered", checkoutId: checkout.id, attempts: 1, leaseOwner: null });
    expect(row.attemptLog).toHaveLength(1);
  });

  it("reports a failure once, without retrying, off the dead-letter list, and leaves the breaker alone", async () => {
    const destination = await createReceiverDestination(receiver);
    const checkout = await createCheckout();
    receiver.respondAlways({ kind: "status", status: 500, body: "upstream down" });

    for (let n = 0; n < 6; n++) {
      expect(await send(destination.id, checkout.id)).toMatchObject({ status: "failed", statusCode: 500, responseBody: "upstream down", error: "HTTP 500" });
    }

    expect(await deliverDueWebhooks({ db, http: testHttp(), clock: () => new Date("2026-11-22T10:00:00Z"), workerId: "w" })).toEqual({ delivered: 0, retrying: 0, dead: 0, paused: 0 });
    expect(receiver.requests).toHaveLength(6);
    expect(await listDeadLetters(db, TEST_SHOP)).toEqual([]);
    expect(await db.webhookDestination.findUniqueOrThrow({ where: { id: destination.id } })).toMatchObject({ consecutiveFailures: 0, pausedUntil: null });
  });

  it("reports a template that fails for this checkout without sending", async () => {
    const destination = await createReceiverDestination(receiver, { payloadTemplate: '{ "second": {{ checkout.line_items[1].title | json }} }' });
    const checkout = await createCheckout({ lineItems: [] });

    expect(await send(destination.id, checkout.id)).toEqual({ status: "template_error", line: 1, error: expect.stringContaining("checkout.line_items.1") });
    expect(receiver.requests).toHaveLength(0);
    expect(await db.webhookDelivery.count()).toBe(0);
  });

  it("only tests a shop's own destination with its own checkouts", async () => {
    await createShop({ domain: "other-shop.myshopify.com" });
    const mine = await createReceiverDestination(receiver);
    const theirs = await createReceiverDestination(receiver, {}, "other-shop.myshopify.com");
    const theirCheckout = await createCheckout({ shop: "other-shop.myshopify.com" });
    const myCheckout = await createCheckout();

    expect(await send(mine.id, theirCheckout.id)).toEqual({ status: "not_found" });
    expect(await send(theirs.id, myCheckout.id)).toEqual({ status: "not_found" });
    expect(receiver.requests).toHaveLength(0);
  });
});
