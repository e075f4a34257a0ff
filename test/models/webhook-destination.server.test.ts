import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { createDestinationRecord, destinationsSubscribedTo, readBreaker, transitionBreaker, type DestinationFields } from "~/models/webhook-destination.server";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const OTHER_SHOP = "other-shop.myshopify.com";

function fields(overrides: Partial<DestinationFields> = {}): DestinationFields {
  return { name: "CRM", url: "https://crm.example/hooks", method: "POST", headers: [], payloadTemplate: "{}", preset: null, events: [], followRedirects: false, enabled: true, ...overrides };
}

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  await createShop({ domain: OTHER_SHOP });
});

describe("destinationsSubscribedTo", () => {
  it("finds the shop's enabled destinations subscribed to the event", async () => {
    const subscribed = await createDestinationRecord(db, TEST_SHOP, fields({ events: ["cart.high_value", "checkout.abandoned"] }), "s");
    await createDestinationRecord(db, TEST_SHOP, fields({ events: ["checkout.abandoned"], enabled: false }), "s");
    await createDestinationRecord(db, TEST_SHOP, fields({ events: ["checkout.recovered"] }), "s");
    await createDestinationRecord(db, OTHER_SHOP, fields({ events: ["checkout.abandoned"] }), "s");

    expect((await destinationsSubscribedTo(db, TEST_SHOP, "checkout.abandoned")).map((destination) => destination.id)).toEqual([subscribed.id]);
  });
});

describe("transitionBreaker", () => {
  it("changes the breaker only from the state the caller read", async () => {
    const { id } = await createDestinationRecord(db, TEST_SHOP, fields(), "s");
    const read = (await readBreaker(db, TEST_SHOP, id))!;

    expect(await transitionBreaker(db, TEST_SHOP, id, read, { consecutiveFailures: 1, pausedUntil: null })).toBe(true);
    expect(await transitionBreaker(db, TEST_SHOP, id, read, { consecutiveFailures: 1, pausedUntil: null })).toBe(false);
    expect(await transitionBreaker(db, OTHER_SHOP, id, { consecutiveFailures: 1, pausedUntil: null }, { consecutiveFailures: 9, pausedUntil: null })).toBe(false);
    expect(await readBreaker(db, TEST_SHOP, id)).toEqual({ consecutiveFailures: 1, pausedUntil: null });
  });
});
