import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import {
  attemptSeriesStart,
  claimDelivery,
  concludeAttempt,
  createDelivery,
  dueDeliveries,
  replayDeadDelivery,
  requeueExpiredLeases,
} from "~/models/webhook-delivery.server";
import { createDestinationRecord } from "~/models/webhook-destination.server";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const T0 = new Date("2026-11-21T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const LEASE = 60_000;
const attempt = (when: Date) => ({ attemptedAt: when, statusCode: 500, latencyMs: 10, responseBody: null, error: "HTTP 500" });

async function pendingDelivery(shop = TEST_SHOP) {
  const destination = await createDestinationRecord(
    db,
    shop,
    { name: "CRM", url: "https://crm.example/hooks", method: "POST", headers: [], payloadTemplate: "{}", preset: null, events: [], followRedirects: false, enabled: true },
    "v1:sealed",
  );
  return createDelivery(db, shop, { destinationId: destination.id, messageId: `msg_${Math.random()}`, event: "step", checkoutId: null, payload: "{}", createdAt: T0, nextAttemptAt: T0 });
}

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("claimDelivery", () => {
  it("lets exactly one of several racing workers claim a due delivery", async () => {
    const delivery = await pendingDelivery();
    const claims = await Promise.all(["a", "b", "c"].map((worker) => claimDelivery(db, delivery, worker, T0, LEASE)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await dueDeliveries(db, T0, 10)).toEqual([]);
  });

  it("does not claim a delivery before it is due, or of another shop", async () => {
    const delivery = await pendingDelivery();
    expect(await claimDelivery(db, delivery, "a", at(-1), LEASE)).toBeNull();
    expect(await claimDelivery(db, { id: delivery.id, shop: "other-shop.myshopify.com" }, "a", T0, LEASE)).toBeNull();
  });
});

describe("concludeAttempt", () => {
  it("writes nothing for a worker whose lease was taken over", async () => {
    const delivery = await pendingDelivery();
    const stale = (await claimDelivery(db, delivery, "slow-worker", T0, LEASE))!;
    expect(await requeueExpiredLeases(db, at(1))).toBe(1);
    const fresh = (await claimDelivery(db, delivery, "new-worker", at(1), LEASE))!;

    expect(await concludeAttempt(db, stale, attempt(at(1)), { status: "delivered", deliveredAt: at(1) })).toBe(false);
    expect(await db.webhookAttempt.count()).toBe(0);
    expect(await concludeAttempt(db, fresh, attempt(at(1)), { status: "pending", nextAttemptAt: at(2) })).toBe(true);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "pending", attempts: 1, leaseOwner: null, lastError: "HTTP 500" });
  });

  it("leaves live leases alone when requeueing", async () => {
    const delivery = await pendingDelivery();
    await claimDelivery(db, delivery, "live", T0, LEASE);
    expect(await requeueExpiredLeases(db, at(0.5))).toBe(0);
  });
});

describe("attemptSeriesStart", () => {
  it("counts from creation, and from the first attempt after a replay", async () => {
    const delivery = await pendingDelivery();
    const fail = async (when: Date, conclusion: Parameters<typeof concludeAttempt>[3]) => {
      const claim = (await claimDelivery(db, { id: delivery.id, shop: TEST_SHOP }, `w${when.getTime()}`, when, LEASE))!;
      await concludeAttempt(db, claim, attempt(when), conclusion);
    };
    const current = () => db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });

    expect(await attemptSeriesStart(db, await current(), at(0))).toEqual(T0);
    await fail(at(0), { status: "pending", nextAttemptAt: at(1) });
    await fail(at(1), { status: "dead", deadAt: at(1) });
    expect(await attemptSeriesStart(db, await current(), at(2))).toEqual(T0);

    expect(await replayDeadDelivery(db, TEST_SHOP, delivery.id, at(30 * 60))).toBe(true);
    expect(await attemptSeriesStart(db, await current(), at(30 * 60))).toEqual(at(30 * 60));
    await fail(at(30 * 60), { status: "pending", nextAttemptAt: at(30 * 60 + 1) });
    await fail(at(30 * 60 + 1), { status: "pending", nextAttemptAt: at(30 * 60 + 3) });
    expect(await attemptSeriesStart(db, await current(), at(30 * 60 + 3))).toEqual(at(30 * 60));
  });
});
