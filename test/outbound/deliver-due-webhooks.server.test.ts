import { randomBytes } from "node:crypto";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { createDbClient, db } from "~/db/client.server";
import { sealSecret } from "~/lib/secret-box.server";
import { claimDelivery } from "~/models/webhook-delivery.server";
import { enqueueStepDelivery } from "~/outbound/deliveries.server";
import { DELIVERY_LEASE_MS, deliverDueWebhooks, type WebhookWorker } from "~/outbound/deliver-due-webhooks.server";
import type { DestinationView } from "~/outbound/destinations.server";
import { createOutboundHttp } from "~/outbound/outbound-http.server";
import { createCheckout } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { createReceiverDestination, MERCHANT_HOST, testClock, testHttp } from "./outbound-world";
import { useWebhookReceiver } from "../support/webhook-receiver";

const T0 = "2026-11-21T10:00:00.000Z";
const minutes = (n: number) => new Date(new Date(T0).getTime() + n * 60_000);
const time = testClock(T0);
const receiver = useWebhookReceiver({ clock: time.clock });
let checkoutId: number;

beforeEach(async () => {
  await resetDatabase();
  time.set(T0);
  await createShop();
  checkoutId = (await createCheckout()).id;
});

function worker(overrides: Partial<WebhookWorker> = {}) {
  return deliverDueWebhooks({ db, http: testHttp({ timeoutMs: 300 }), clock: time.clock, workerId: "worker-a", random: () => 1, ...overrides });
}

let stepRunId = 0;
async function enqueue(destination: DestinationView, payload = '{"hello":"world"}') {
  return enqueueStepDelivery(db, TEST_SHOP, { stepRunId: ++stepRunId, destinationId: destination.id, payload, checkoutId, now: time.clock() });
}

const delivery = (messageId: string) => db.webhookDelivery.findUniqueOrThrow({ where: { messageId }, include: { attemptLog: { orderBy: { id: "asc" } } } });
const destinationRow = (id: number) => db.webhookDestination.findUniqueOrThrow({ where: { id } });

describe("deliverDueWebhooks", () => {
  it("delivers a due delivery, signed, with the destination's headers, and logs the attempt", async () => {
    const destination = await createReceiverDestination(receiver);
    const { messageId } = await enqueue(destination);

    expect(await worker()).toEqual({ delivered: 1, retrying: 0, dead: 0, paused: 0 });

    expect(receiver.accepted).toHaveLength(1);
    const [request] = receiver.accepted;
    expect(request).toMatchObject({ method: "POST", path: "/hooks", body: '{"hello":"world"}', messageId, verified: true });
    expect(request!.headers).toMatchObject({
      "content-type": "application/json",
      "x-api-key": "crm-key-0123456789",
      "x-source": "comeback",
      "webhook-timestamp": String(Date.parse(T0) / 1000),
    });
    const row = await delivery(messageId);
    expect(row).toMatchObject({ status: "delivered", attempts: 1, deliveredAt: new Date(T0), lastError: null, leaseOwner: null });
    expect(row.attemptLog).toEqual([expect.objectContaining({ attemptedAt: new Date(T0), statusCode: 200, responseBody: '{"received":true}', error: null })]);
    expect(await worker()).toEqual({ delivered: 0, retrying: 0, dead: 0, paused: 0 });
  });

  it("logs only the first KB of an answer", async () => {
    const destination = await createReceiverDestination(receiver);
    const { messageId } = await enqueue(destination);
    receiver.respondNext({ kind: "large", bytes: 10_000 });
    await worker();
    expect((await delivery(messageId)).attemptLog[0]!.responseBody).toHaveLength(1024);
  });

  it("sends nothing before a delivery is due", async () => {
    const destination = await createReceiverDestination(receiver);
    time.set(minutes(5));
    await enqueue(destination);
    time.set(minutes(4));
    expect(await worker()).toEqual({ delivered: 0, retrying: 0, dead: 0, paused: 0 });
    expect(receiver.requests).toHaveLength(0);
  });

  it("retries 5xx, 429 after its Retry-After, and timeouts, under one webhook-id with a fresh signature each time", async () => {
    const destination = await createReceiverDestination(receiver);
    const { messageId } = await enqueue(destination);
    receiver.respondNext({ kind: "status", status: 500 }, { kind: "status", status: 429, retryAfter: "600" }, { kind: "hang" });

    expect(await worker()).toMatchObject({ retrying: 1 });
    expect((await delivery(messageId)).nextAttemptAt).toEqual(minutes(1));

    time.set(minutes(1));
    expect(await worker()).toMatchObject({ retrying: 1 });
    // Backoff alone would say 2 minutes; the endpoint asked for 10.
    expect((await delivery(messageId)).nextAttemptAt).toEqual(minutes(11));

    time.set(minutes(10));
    expect(await worker()).toMatchObject({ retrying: 0, delivered: 0 });
    time.set(minutes(11));
    expect(await worker()).toMatchObject({ retrying: 1 });
    expect((await delivery(messageId)).nextAttemptAt).toEqual(minutes(15));

    time.set(minutes(15));
    expect(await worker()).toMatchObject({ delivered: 1 });

    expect(receiver.requests.map((request) => request.messageId)).toEqual([messageId, messageId, messageId, messageId]);
    expect(receiver.requests.every((request) => request.verified)).toBe(true);
    const signatures = receiver.requests.map((request) => [request.headers["webhook-timestamp"], request.headers["webhook-signature"]]);
    expect(new Set(signatures.map(([timestamp]) => timestamp)).size).toBe(4);
    expect(new Set(signatures.map(([, signature]) => signature)).size).toBe(4);
    const row = await delivery(messageId);
    expect(row).toMatchObject({ status: "delivered", attempts: 4 });
    expect(row.attemptLog.map(({ statusCode, error }) => [statusCode, error])).toEqual([
      [500, "HTTP 500"],
      [429, "HTTP 429"],
      [null, "timeout: No complete answer within 0.3 s"],
      [200, null],
    ]);
    expect(await destinationRow(destination.id)).toMatchObject({ consecutiveFailures: 0, pausedUntil: null });
  });

  it.each([400, 401, 404, 410, 422])("puts a delivery answered %i on the dead-letter list at once", async (status) => {
    const destination = await createReceiverDestination(receiver);
    const { messageId } = await enqueue(destination);
    receiver.respondNext({ kind: "status", status, body: '{"error":"unknown list"}' });

    expect(await worker()).toMatchObject({ dead: 1 });
    expect(await delivery(messageId)).toMatchObject({ status: "dead", deadAt: new Date(T0), lastError: `HTTP ${status}`, attempts: 1 });
    expect((await delivery(messageId)).attemptLog[0]!.responseBody).toBe('{"error":"unknown list"}');
    time.set(minutes(60));
    await worker();
    expect(receiver.requests).toHaveLength(1);
  });

  it("fails a delivery at once when its redirect is not followed or its address is refused", async () => {
    const redirecting = await createReceiverDestination(receiver);
    const redirected = await enqueue(redirecting);
    receiver.respondNext({ kind: "redirect", location: "/elsewhere" });
    expect(await worker()).toMatchObject({ dead: 1 });
    expect((await delivery(redirected.messageId)).lastError).toMatch(/^redirect_not_followed: HTTP 302 redirect to \/elsewhere/);

    const refused = await enqueue(redirecting);
    const production = createOutboundHttp({ allowPrivateNetworks: false, allowedAddresses: [], resolve: async () => [{ address: "127.0.0.1", family: 4 }] });
    expect(await worker({ http: production })).toMatchObject({ dead: 1 });
    expect((await delivery(refused.messageId)).lastError).toBe(`refused_address: ${MERCHANT_HOST} resolves to 127.0.0.1, a loopback, private or reserved address`);
    expect(receiver.requests).toHaveLength(1);
  });

  it("gives up when a retry would come more than 24 hours after the delivery was made", async () => {
    const destination = await createReceiverDestination(receiver);
    const { messageId } = await enqueue(destination);
    receiver.respondAlways({ kind: "status", status: 503 });

    for (let tick = 0; tick < 500; tick++) {
      const row = await delivery(messageId);
      if (row.status === "dead") break;
      time.set(new Date(Math.max(row.nextAttemptAt.getTime(), time.clock().getTime() + 60_000)));
      await worker();
    }

    const row = await delivery(messageId);
    expect(row.status).toBe("dead");
    expect(row.lastError).toMatch(/^Gave up after 24 hours: HTTP 503/);
    expect(row.deadAt!.getTime()).toBeLessThanOrEqual(minutes(24 * 60).getTime());
    expect(row.attemptLog.length).toBeGreaterThan(10);
    expect(row.attemptLog.every((attempt) => attempt.attemptedAt <= minutes(24 * 60))).toBe(true);
  });

  it("abandons a delivery the breaker kept waiting past 24 hours instead of sending it late", async () => {
    const destination = await createReceiverDestination(receiver);
    const { messageId } = await enqueue(destination);
    await db.webhookDestination.update({ where: { id: destination.id }, data: { consecutiveFailures: 5, pausedUntil: minutes(25 * 60) } });

    time.set(minutes(25 * 60));
    expect(await worker()).toMatchObject({ dead: 1 });
    expect(await delivery(messageId)).toMatchObject({ status: "dead", lastError: "Not delivered within 24 hours", attempts: 0 });
    expect(receiver.requests).toHaveLength(0);
  });

  it("puts deliveries of a disabled destination on the dead-letter list", async () => {
    const destination = await createReceiverDestination(receiver);
    const { messageId } = await enqueue(destination);
    await db.webhookDestination.update({ where: { id: destination.id }, data: { enabled: false } });

    expect(await worker()).toMatchObject({ dead: 1 });
    expect(await delivery(messageId)).toMatchObject({ status: "dead", lastError: "The destination is disabled" });
    expect(receiver.requests).toHaveLength(0);
  });

  it("fails a delivery whose destination's secrets no longer decrypt, without sending it unsigned", async () => {
    const destination = await createReceiverDestination(receiver);
    const { messageId } = await enqueue(destination);
    await db.webhookDestination.update({ where: { id: destination.id }, data: { signingSecret: sealSecret("whsec_other", randomBytes(32)) } });

    expect(await worker()).toMatchObject({ dead: 1 });
    expect(await delivery(messageId)).toMatchObject({ status: "dead", lastError: "The destination's secrets cannot be decrypted: was ENCRYPTION_KEY changed?" });
    expect(receiver.requests).toHaveLength(0);
  });

  it("sends a delivery again, under the same id, when the worker holding it died", async () => {
    const destination = await createReceiverDestination(receiver);
    const { messageId } = await enqueue(destination);
    const row = await delivery(messageId);
    expect(await claimDelivery(db, row, "crashed-worker:1", time.clock(), DELIVERY_LEASE_MS)).not.toBeNull();

    expect(await worker()).toMatchObject({ delivered: 0 });
    time.set(new Date(Date.parse(T0) + DELIVERY_LEASE_MS));
    expect(await worker()).toMatchObject({ delivered: 1 });
    expect(receiver.accepted.map((request) => request.messageId)).toEqual([messageId]);
  });
});

describe("circuit breaker", () => {
  async function failingDestination() {
    const destination = await createReceiverDestination(receiver);
    const deliveries = [];
    for (let n = 0; n < 7; n++) deliveries.push(await enqueue(destination, `{"n":${n}}`));
    receiver.respondAlways({ kind: "status", status: 500 });
    return { destination, deliveries };
  }

  it("opens after 5 consecutive failures; deliveries then wait without using attempts", async () => {
    const { destination, deliveries } = await failingDestination();

    expect(await worker()).toEqual({ delivered: 0, retrying: 5, dead: 0, paused: 2 });

    expect(receiver.requests).toHaveLength(5);
    expect(await destinationRow(destination.id)).toMatchObject({ consecutiveFailures: 5, pausedUntil: minutes(10) });
    const fifth = await delivery(deliveries[4]!.messageId);
    expect(fifth.attemptLog[0]!.error).toBe("HTTP 500 | Destination paused until 2026-11-21T10:10:00.000Z after 5 consecutive failed attempts");
    const waiting = await delivery(deliveries[6]!.messageId);
    expect(waiting).toMatchObject({
      status: "pending",
      attempts: 0,
      nextAttemptAt: minutes(10),
      lastError: "Waiting: the destination is paused until 2026-11-21T10:10:00.000Z after 5 consecutive failed attempts",
    });

    time.set(minutes(1));
    expect(await worker()).toEqual({ delivered: 0, retrying: 0, dead: 0, paused: 5 });
    expect(receiver.requests).toHaveLength(5);
    expect((await delivery(deliveries[0]!.messageId)).attempts).toBe(1);
  });

  it("sends one probe after the cool-down; its success closes the breaker and the rest follow", async () => {
    const { destination, deliveries } = await failingDestination();
    await worker();
    receiver.respondAlways(null);

    time.set(minutes(10));
    expect(await worker()).toEqual({ delivered: 7, retrying: 0, dead: 0, paused: 0 });

    expect(await destinationRow(destination.id)).toMatchObject({ consecutiveFailures: 0, pausedUntil: null });
    expect(receiver.accepted.map((request) => request.messageId)).toEqual(deliveries.map((queued) => queued.messageId));
  });

  it("re-opens for twice as long when the probe fails", async () => {
    const { destination, deliveries } = await failingDestination();
    await worker();

    time.set(minutes(10));
    expect(await worker()).toEqual({ delivered: 0, retrying: 1, dead: 0, paused: 6 });

    expect(receiver.requests).toHaveLength(6);
    expect(await destinationRow(destination.id)).toMatchObject({ consecutiveFailures: 6, pausedUntil: minutes(30) });
    expect((await delivery(deliveries[0]!.messageId)).attemptLog[1]!.error).toBe(
      "HTTP 500 | Destination paused until 2026-11-21T10:30:00.000Z after 6 consecutive failed attempts (the probe failed)",
    );
  });
});

describe("concurrency", () => {
  it("never delivers a delivery twice when two workers on two connections run at once", async () => {
    const destination = await createReceiverDestination(receiver);
    for (let n = 0; n < 30; n++) await enqueue(destination, `{"n":${n}}`);
    receiver.respondAlways({ kind: "slow", delayMs: 2 });
    const otherProcess = createDbClient(process.env.DATABASE_URL);
    try {
      const [a, b] = await Promise.all([worker({ workerId: "worker-a", batchSize: 7 }), worker({ db: otherProcess, workerId: "worker-b", batchSize: 7 })]);

      expect(a.delivered + b.delivered).toBe(30);
      expect(receiver.requests).toHaveLength(30);
      expect(receiver.duplicateCount).toBe(0);
      expect(await db.webhookDelivery.count({ where: { status: "delivered" } })).toBe(30);
    } finally {
      await otherProcess.$disconnect();
    }
  });
});
