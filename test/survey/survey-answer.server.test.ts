import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { eraseSurveyComments } from "~/models/survey-answer.server";
import { createCheckout } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const OTHER_SHOP = "other-shop.myshopify.com";

let stepRunIds = 0;

async function answeredWithComment(shop = TEST_SHOP) {
  const checkout = await createCheckout({ shop });
  await db.surveyAnswer.create({
    data: { shop, checkoutId: checkout.id, stepRunId: ++stepRunIds, reason: "other", comment: "I'm Ann, call me on 555-0100", answeredAt: new Date() },
  });
  return checkout.id;
}

const stored = () => db.surveyAnswer.findMany({ orderBy: { id: "asc" }, select: { checkoutId: true, reason: true, comment: true } });

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  await createShop({ domain: OTHER_SHOP });
});

describe("eraseSurveyComments", () => {
  it("erases the comments of the given checkouts, keeping their reasons for the statistics", async () => {
    const ann = await answeredWithComment();
    const bob = await answeredWithComment();

    expect(await eraseSurveyComments(db, TEST_SHOP, [ann])).toBe(1);

    expect(await stored()).toEqual([
      { checkoutId: ann, reason: "other", comment: null },
      { checkoutId: bob, reason: "other", comment: "I'm Ann, call me on 555-0100" },
    ]);
  });

  it("leaves another shop's answers alone, and erases nothing for no checkouts", async () => {
    const elsewhere = await answeredWithComment(OTHER_SHOP);

    expect(await eraseSurveyComments(db, TEST_SHOP, [elsewhere])).toBe(0);
    expect(await eraseSurveyComments(db, TEST_SHOP, [])).toBe(0);
    expect((await stored())[0]!.comment).not.toBeNull();
  });
});
