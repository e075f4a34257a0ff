import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import {
  deliveryWithAttempts,
  enqueueCheckoutEvent,
  enqueueStepDelivery,
  eraseCustomerFromDeliveries,
  listDeadLetters,
  renderDestinationPayload,
  replayDelivery,
} from "~/outbound/deliveries.server";
import { deliverDueWebhooks } from "~/outbound/deliver-due-webhooks.server";
import { buildPayloadContext } from "~/outbound/payload-context";
import { PayloadTemplateError } from "~/outbound/payload-template";
import { PRESETS } from "~/outbound/presets";
import { sendTestDelivery } from "~/outbound/send-test-delivery.server";
import { createCheckout } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { createReceiverDestination, testClock, testHttp } from "./outbound-world";
import { useWebhookReceiver } from "../support/webhook-receiver";

const NOW = new Date("2026-11-21T10:00:00Z");
const OTHER_SHOP = "other-shop.myshopify.com";
const time = testClock(NOW.toISOString());
const receiver = useWebhookReceiver({ clock: time.clock });

beforeEach(async () => {
  await resetDatabase();
  time.set(NOW);
  await createShop();
});

const worker = () => deliverDueWebhooks({ db, http: testHttp(), clock: time.clock, workerId: "test", random: () => 1 });

describe("renderDestinationPayload", () => {
  it("renders the destination's template for a context", async () => {
    const checkout = await createCheckout({ status: "abandoned" });
    const shop = { domain: TEST_SHOP, name: "Test Shop", currency: "USD", locale: "en" };
    const context = buildPayloadContext({ event: "step", occurredAt: NOW, shop, checkout, recoveryUrl: "https://comeback.example/r/t", stepNumber: 1 });
    const payload = JSON.parse(await renderDestinationPayload({ payloadTemplate: PRESETS.sms.template }, context)) as { body: string };
    expect(payload.body).toContain("https://comeback.example/r/t");
  });

  it("throws a PayloadTemplateError for a template that fails", async () => {
    const checkout = await createCheckout();
    const context = buildPayloadContext({ event: "step", occurredAt: NOW, shop: { domain: TEST_SHOP, name: null, currency: "USD", locale: "en" }, checkout, recoveryUrl: null, stepNumber: 1 });
    await expect(renderDestinationPayload({ payloadTemplate: "{{ nope | json }}" }, context)).rejects.toBeInstanceOf(PayloadTemplateError);
  });
});

describe("enqueueStepDelivery", () => {
  it("queues one delivery per step run, due now, and returns the same webhook-id when called again", async () => {
    const destination = await createReceiverDestination(receiver);
    const checkout = await createCheckout();
    const step = { stepRunId: 41, destinationId: destination.id, payload: '{"a":1}', checkoutId: checkout.id, now: NOW };

    const first = await enqueueStepDelivery(db, TEST_SHOP, step);
    const again = await enqueueStepDelivery(db, TEST_SHOP, { ...step, payload: '{"a":2}' });
    const racing = await Promise.all([enqueueStepDelivery(db, TEST_SHOP, { ...step, stepRunId: 42 }), enqueueStepDelivery(db, TEST_SHOP, { ...step, stepRunId: 42 })]);

    expect(first.messageId).toMatch(/^msg_/);
    expect(again).toEqual(first);
    expect(racing[0]).toEqual(racing[1]);
    const rows = await db.webhookDelivery.findMany({ orderBy: { id: "asc" } });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ shop: TEST_SHOP, event: "step", stepRunId: 41, payload: '{"a":1}', status: "pending", nextAttemptAt: NOW, checkoutId: checkout.id });
  });

  it("refuses another shop's destination and payloads that are not JSON", async () => {
    await createShop({ domain: OTHER_SHOP });
    const theirs = await createReceiverDestination(receiver, {}, OTHER_SHOP);
    const mine = await createReceiverDestination(receiver);
    const checkout = await createCheckout();

    await expect(enqueueStepDelivery(db, TEST_SHOP, { stepRunId: 1, destinationId: theirs.id, payload: "{}", checkoutId: checkout.id, now: NOW })).rejects.toThrow(/no webhook destination/);
    await expect(enqueueStepDelivery(db, TEST_SHOP, { stepRunId: 2, destinationId: mine.id, payload: "{nope", checkoutId: checkout.id, now: NOW })).rejects.toThrow(SyntaxError);
    expect(await db.webhookDelivery.count()).toBe(0);
  });
});

describe("enqueueCheckoutEvent", () => {
  it("queues the event for each enabled destination subscribed to it, once per checkout", async () => {
    const subscribed = await createReceiverDestination(receiver, { name: "Subscribed", events: ["checkout.abandoned", "checkout.recovered"] });
    await createReceiverDestination(receiver, { name: "Other event", events: ["cart.high_value"] });
    await createReceiverDestination(receiver, { name: "Disabled", events: ["checkout.abandoned"], enabled: false });
    const checkout = await createCheckout({ status: "abandoned" });

    const first = await enqueueCheckoutEvent(db, TEST_SHOP, "checkout.abandoned", { checkoutId: checkout.id, now: NOW });
    const again = await enqueueCheckoutEvent(db, TEST_SHOP, "checkout.abandoned", { checkoutId: checkout.id, now: new Date("2026-11-21T10:05:00Z") });
    const recovered = await enqueueCheckoutEvent(db, TEST_SHOP, "checkout.recovered", { checkoutId: checkout.id, now: NOW });

    expect(first.messageIds).toHaveLength(1);
    expect(again).toEqual(first);
    expect(recovered.messageIds[0]).not.toBe(first.messageIds[0]);
    const rows = await db.webhookDelivery.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.destinationId, row.event, row.dedupeKey])).toEqual([
      [subscribed.id, "checkout.abandoned", `${subscribed.id}:checkout.abandoned:${checkout.id}`],
      [subscribed.id, "checkout.recovered", `${subscribed.id}:checkout.recovered:${checkout.id}`],
    ]);
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({ type: "checkout.abandoned", timestamp: NOW.toISOString(), data: { customer: { email: "ann@example.com" }, recovery_url: checkout.recoveryUrl, step: null } });
  });

  it("reports a destination whose template fails for the checkout and queues nothing for it", async () => {
    // Valid for the two-line sample cart, not for a one-line one.
    const broken = await createReceiverDestination(receiver, { events: ["checkout.abandoned"], payloadTemplate: '{ "second": {{ checkout.line_items[1].title | json }} }' });
    const checkout = await createCheckout({ lineItems: [{ title: "Tote", variantTitle: null, quantity: 1, price: "19.99", linePrice: "19.99", variantId: null, productId: null, sku: null, imageUrl: null }] });

    expect(await enqueueCheckoutEvent(db, TEST_SHOP, "checkout.abandoned", { checkoutId: checkout.id, now: NOW })).toEqual({
      messageIds: [],
      templateErrors: [{ destinationId: broken.id, error: expect.stringContaining("checkout.line_items.1") }],
    });
    expect(await db.webhookDelivery.count()).toBe(0);
  });

  it("queues nothing for a checkout of another shop", async () => {
    await createShop({ domain: OTHER_SHOP });
    await createReceiverDestination(receiver, { events: ["checkout.abandoned"] });
    const theirs = await createCheckout({ shop: OTHER_SHOP });
    expect(await enqueueCheckoutEvent(db, TEST_SHOP, "checkout.abandoned", { checkoutId: theirs.id, now: NOW })).toEqual({ messageIds: [], templateErrors: [] });
  });
});

describe("dead letters", () => {
  it("lists dead deliveries, newest first, without the merchant's tests, and replays them under the same id", async () => {
    const destination = await createReceiverDestination(receiver);
    const checkout = await createCheckout();
    receiver.respondAlways({ kind: "status", status: 410 });
    const { messageId } = await enqueueStepDelivery(db, TEST_SHOP, { stepRunId: 1, destinationId: destination.id, payload: '{"step":1}', checkoutId: checkout.id, now: NOW });
    await worker();
    await sendTestDelivery({ db, http: testHttp(), shop: TEST_SHOP, destinationId: destination.id, checkoutId: checkout.id, now: NOW });

    const dead = await listDeadLetters(db, TEST_SHOP);
    expect(dead.map((delivery) => [delivery.messageId, delivery.status, delivery.lastError, delivery.destination.name])).toEqual([[messageId, "dead", "HTTP 410", "CRM"]]);

    receiver.respondAlways(null);
    time.advance(60 * 60_000);
    expect(await replayDelivery(db, TEST_SHOP, dead[0]!.id, time.clock())).toBe(true);
    expect(await listDeadLetters(db, TEST_SHOP)).toEqual([]);
    expect(await worker()).toMatchObject({ delivered: 1 });
    expect(receiver.timesReceived(messageId)).toBe(2);
    expect(receiver.accepted.map((request) => request.messageId)).toEqual([messageId]);

    const replayed = await deliveryWithAttempts(db, TEST_SHOP, dead[0]!.id);
    expect(replayed).toMatchObject({ messageId, status: "delivered", deadAt: null });
    expect(replayed!.attemptLog.map((attempt) => attempt.statusCode)).toEqual([410, 200]);
  });

  it("replays only dead deliveries of the shop", async () => {
    await createShop({ domain: OTHER_SHOP });
    const destination = await createReceiverDestination(receiver);
    const checkout = await createCheckout();
    await enqueueStepDelivery(db, TEST_SHOP, { stepRunId: 1, destinationId: destination.id, payload: "{}", checkoutId: checkout.id, now: NOW });
    const pending = await db.webhookDelivery.findFirstOrThrow();

    expect(await replayDelivery(db, TEST_SHOP, pending.id, NOW)).toBe(false);
    await db.webhookDelivery.update({ where: { id: pending.id }, data: { status: "dead", deadAt: NOW, lastError: "HTTP 400" } });
    expect(await replayDelivery(db, OTHER_SHOP, pending.id, NOW)).toBe(false);
    expect(await deliveryWithAttempts(db, OTHER_SHOP, pending.id)).toBeNull();
    expect(await listDeadLetters(db, OTHER_SHOP)).toEqual([]);
  });
});

describe("eraseCustomerFromDeliveries", () => {
  it("stops the shopper's pending deliveries and empties every stored payload and response of their checkouts", async () => {
    const destination = await createReceiverDestination(receiver);
    const ann = await createCheckout();
    const bob = await createCheckout({ email: "bob@example.com" });
    const enqueue = (stepRunId: number, checkoutId: number) =>
      enqueueStepDelivery(db, TEST_SHOP, { stepRunId, destinationId: destination.id, payload: `{"email":"${checkoutId === ann.id ? "ann" : "bob"}@example.com"}`, checkoutId, now: NOW });
    await enqueue(1, ann.id);
    await worker();
    await enqueue(2, ann.id);
    await enqueue(3, bob.id);

    expect(await eraseCustomerFromDeliveries(db, TEST_SHOP, [ann.id], NOW)).toBe(2);

    const rows = await db.webhookDelivery.findMany({ orderBy: { stepRunId: "asc" }, include: { attemptLog: true } });
    expect(rows.map(({ stepRunId, status, payload, lastError }) => ({ stepRunId, status, payload, lastError }))).toEqual([
      { stepRunId: 1, status: "delivered", payload: "{}", lastError: null },
      { stepRunId: 2, status: "dead", payload: "{}", lastError: "redacted" },
      { stepRunId: 3, status: "pending", payload: '{"email":"bob@example.com"}', lastError: null },
    ]);
    expect(rows[0]!.attemptLog[0]!.responseBody).toBeNull();
    expect(await replayDelivery(db, TEST_SHOP, rows[1]!.id, NOW)).toBe(false);

    expect(await worker()).toMatchObject({ delivered: 1 });
    expect(receiver.accepted.map((request) => request.body)).toEqual(['{"email":"ann@example.com"}', '{"email":"bob@example.com"}']);
  });

  it("keeps an erased dead delivery off replay, and touches nothing of another shop", async () => {
    await createShop({ domain: OTHER_SHOP });
    const destination = await createReceiverDestination(receiver);
    const checkout = await createCheckout();
    await enqueueStepDelivery(db, TEST_SHOP, { stepRunId: 1, destinationId: destination.id, payload: '{"x":1}', checkoutId: checkout.id, now: NOW });
    const delivery = await db.webhookDelivery.update({ where: { stepRunId: 1 }, data: { status: "dead", deadAt: NOW, lastError: "HTTP 400" } });

    expect(await eraseCustomerFromDeliveries(db, OTHER_SHOP, [checkout.id], NOW)).toBe(0);
    expect(await replayDelivery(db, TEST_SHOP, delivery.id, NOW)).toBe(true);
    await db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "dead" } });

    await eraseCustomerFromDeliveries(db, TEST_SHOP, [checkout.id], NOW);
    expect(await replayDelivery(db, TEST_SHOP, delivery.id, NOW)).toBe(false);
  });
});
