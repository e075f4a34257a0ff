import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { surveyBreakdown } from "~/survey/survey-breakdown.server";
import { createCheckout } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const OTHER_SHOP = "other-shop.myshopify.com";
const PERIOD = { from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-12-01T00:00:00Z") };
const IN_PERIOD = new Date("2026-11-15T12:00:00Z");

let stepRunIds = 0;

async function answered(reason: string, answeredAt = IN_PERIOD, shop = TEST_SHOP) {
  const checkout = await createCheckout({ shop });
  await db.surveyAnswer.create({ data: { shop, checkoutId: checkout.id, stepRunId: ++stepRunIds, reason, answeredAt } });
}

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("surveyBreakdown", () => {
  it("counts the period's answers for every reason, zero for those nobody gave", async () => {
    await answered("shipping_cost");
    await answered("shipping_cost");
    await answered("price");
    await answered("other");

    expect(await surveyBreakdown(db, TEST_SHOP, PERIOD)).toEqual({ shipping_cost: 2, price: 1, just_browsing: 0, payment_problem: 0, other: 1 });
  });

  it("takes answers from the start of the period up to, not including, its end", async () => {
    await answered("price", PERIOD.from);
    await answered("price", PERIOD.to);
    await answered("price", new Date(PERIOD.from.getTime() - 1));

    expect((await surveyBreakdown(db, TEST_SHOP, PERIOD)).price).toBe(1);
  });

  it("counts only the shop's own answers", async () => {
    await createShop({ domain: OTHER_SHOP });
    await answered("price", IN_PERIOD, OTHER_SHOP);

    expect((await surveyBreakdown(db, TEST_SHOP, PERIOD)).price).toBe(0);
  });
});
