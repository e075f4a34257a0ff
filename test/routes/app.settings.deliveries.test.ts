import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { enqueueStepDelivery } from "~/outbound/deliveries.server";
import { deliverDueWebhooks } from "~/outbound/deliver-due-webhooks.server";
import { action as replay, loader as deadLetters } from "~/routes/app.settings.dead-letters";
import { loader as edit } from "~/routes/app.settings.destinations.$id";
import { loader as settings } from "~/routes/app.settings._index";
import type { DeadLetterPage } from "~/settings/dead-letters.server";
import type { DestinationPage } from "~/settings/destination-page.server";
import { createCheckout } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { createReceiverDestination, testClock, testHttp } from "../outbound/outbound-world";
import { answer, pageRequest, postRequest } from "../settings/admin-requests";
import { resetDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";
import { useWebhookReceiver } from "../support/webhook-receiver";

const OTHER_SHOP = "other-shop.myshopify.com";
// Worker and receiver share a clock, so that a retry an hour on is signed and verified at the same instant.
const time = testClock(new Date().toISOString());
const receiver = useWebhookReceiver({ clock: time.clock });
let stepRunId = 0;

beforeEach(async () => {
  await resetDatabase();
  time.set(new Date());
  await createShop();
  await createShop({ domain: OTHER_SHOP });
  await storeOfflineSession();
});

const deliverDue = () => deliverDueWebhooks({ db, http: testHttp(), clock: time.clock, workerId: "test", random: () => 1 });

async function queueStep(destinationId: number, shop = TEST_SHOP) {
  const checkout = await createCheckout({ shop });
  return enqueueStepDelivery(db, shop, { stepRunId: ++stepRunId, destinationId, payload: `{"step":${stepRunId}}`, checkoutId: checkout.id, now: time.clock() });
}

/** A step delivery the endpoint refused outright (410), so it went straight to the dead-letter list. */
async function deadDelivery(destinationId: number, shop = TEST_SHOP) {
  receiver.respondNext({ kind: "status", status: 410 });
  const { messageId } = await queueStep(destinationId, shop);
  await deliverDue();
  return db.webhookDelivery.findUniqueOrThrow({ where: { messageId } });
}

const loadDeadLetters = async () => (await answer(deadLetters, await pageRequest("/app/settings/dead-letters"))).body as DeadLetterPage;
const replayDelivery = async (deliveryId: number | string) => answer(replay, await postRequest("/app/settings/dead-letters", { form: { deliveryId: String(deliveryId) } }));
const destinationPage = async (id: number) => (await answer(edit, await pageRequest(`/app/settings/destinations/${id}`), { id: String(id) })).body as DestinationPage;

describe("the delivery log", () => {
  it("shows a destination's deliveries, newest first, each with its attempts' status code, latency, error and time", async () => {
    const destination = await createReceiverDestination(receiver);
    const first = await queueStep(destination.id);
    receiver.respondNext({ kind: "status", status: 503 });
    await deliverDue();
    const second = await queueStep(destination.id);

    const { deliveries } = await destinationPage(destination.id);
    expect(deliveries.map((delivery) => [delivery.messageId, delivery.event, delivery.status])).toEqual([
      [second.messageId, "step", "pending"],
      [first.messageId, "step", "pending"],
    ]);
    expect(deliveries[1]).toMatchObject({
      lastError: "HTTP 503",
      nextAttemptAt: expect.any(String),
      attempts: [{ statusCode: 503, error: "HTTP 503", latencyMs: expect.any(Number), attemptedAt: expect.any(String) }],
    });
    expect(deliveries[0]!.attempts).toEqual([]);

    time.advance(60 * 60_000);
    await deliverDue();
    const retried = (await destinationPage(destination.id)).deliveries.find((delivery) => delivery.messageId === first.messageId);
    expect(retried).toMatchObject({ status: "delivered", nextAttemptAt: null, deliveredAt: expect.any(String) });
    expect(retried!.attempts.map((attempt) => [attempt.statusCode, attempt.error])).toEqual([
      [503, "HTTP 503"],
      [200, null],
    ]);
  });

  it("shows only that destination's deliveries", async () => {
    const destination = await createReceiverDestination(receiver);
    const sibling = await createReceiverDestination(receiver, { name: "Support desk" });
    await queueStep(sibling.id);

    expect((await destinationPage(destination.id)).deliveries).toEqual([]);
  });
});

describe("the dead-letter list", () => {
  it("lists the shop's dead deliveries with their destination, attempts and last error", async () => {
    const destination = await createReceiverDestination(receiver);
    const dead = await deadDelivery(destination.id);

    expect(await loadDeadLetters()).toEqual({
      timezone: "America/New_York",
      deadLetters: [
        {
          id: dead.id,
          messageId: dead.messageId,
          event: "step",
          destination: { id: destination.id, name: "CRM" },
          attempts: 1,
          lastError: "HTTP 410",
          deadAt: dead.deadAt!.toISOString(),
        },
      ],
    });
  });

  it("replays a dead delivery under its original webhook-id", async () => {
    const destination = await createReceiverDestination(receiver);
    const dead = await deadDelivery(destination.id);

    expect(await replayDelivery(dead.id)).toMatchObject({ status: 200, body: { ok: true } });
    expect((await loadDeadLetters()).deadLetters).toEqual([]);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ status: "pending", attempts: 0, deadAt: null });

    // The route queued it for the real now.
    time.set(new Date());
    expect(await deliverDue()).toMatchObject({ delivered: 1 });
    expect(receiver.timesReceived(dead.messageId)).toBe(2);
    expect(receiver.accepted.map((request) => request.messageId)).toEqual([dead.messageId]);
  });

  it("answers 404 for a delivery that is not on the list (any more)", async () => {
    const destination = await createReceiverDestination(receiver);
    const dead = await deadDelivery(destination.id);
    await replayDelivery(dead.id);

    expect(await replayDelivery(dead.id)).toMatchObject({ status: 404, body: { ok: false, notFound: true } });
    expect(await replayDelivery("nonsense")).toMatchObject({ status: 404 });
  });
});

describe("another shop's deliveries", () => {
  it("never show in the shop's lists, and cannot be replayed: 404, exactly like an unknown id", async () => {
    const mine = await createReceiverDestination(receiver);
    const theirs = await createReceiverDestination(receiver, { name: "Their CRM" }, OTHER_SHOP);
    const myDead = await deadDelivery(mine.id);
    const theirDead = await deadDelivery(theirs.id, OTHER_SHOP);

    expect((await loadDeadLetters()).deadLetters.map((letter) => letter.id)).toEqual([myDead.id]);
    expect((await answer(settings, await pageRequest("/app/settings"))).body).toMatchObject({ destinations: [{ id: mine.id }], deadLetterCount: 1 });
    expect((await destinationPage(mine.id)).deliveries.map((delivery) => delivery.id)).toEqual([myDead.id]);
    expect(await answer(edit, await pageRequest(`/app/settings/destinations/${theirs.id}`), { id: String(theirs.id) })).toMatchObject({ status: 404 });

    for (const id of [theirDead.id, theirDead.id + 1000]) expect(await replayDelivery(id)).toMatchObject({ status: 404, body: { ok: false, notFound: true } });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: theirDead.id } })).toMatchObject({ status: "dead", deadAt: theirDead.deadAt });
  });
});
