import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { releaseDiscountsOnPurchase } from "~/discounts/release-discounts.server";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { createOfferedDiscount } from "../factories/discount";
import { secondStepRun } from "./discount-world";

const ORDERED_AT = new Date("2026-11-21T18:30:00Z");

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

const statusOf = async (id: number) => db.discountCode.findUniqueOrThrow({ where: { id }, select: { status: true, endedAt: true } });

describe("releasing a checkout's codes when the shopper orders", () => {
  it("spends the code the order used, even typed in lower case, and shows it on the timeline", async () => {
    const discount = await createOfferedDiscount();

    const released = await releaseDiscountsOnPurchase(db, TEST_SHOP, { checkoutIds: [discount.checkoutId], usedCodes: [discount.code.toLowerCase()] }, ORDERED_AT);

    expect(released).toEqual({ redeemed: 1, deactivating: 0 });
    expect(await statusOf(discount.id)).toEqual({ status: "redeemed", endedAt: ORDERED_AT });
    expect(await db.activity.findMany({ select: { kind: true, checkoutId: true, stepRunId: true, at: true, detail: true } })).toEqual([
      { kind: "discount_redeemed", checkoutId: discount.checkoutId, stepRunId: discount.stepRunId, at: ORDERED_AT, detail: { code: discount.code } },
    ]);
  });

  it("marks the checkout's other codes for switching off in Shopify, from the order's time", async () => {
    const message = await createSentMessage();
    const offered = await createOfferedDiscount({}, message);
    const secondRun = await secondStepRun(message);
    const used = await createOfferedDiscount({ stepRunId: secondRun.id, code: "COMEBACK-USEDCODE" }, message);

    const released = await releaseDiscountsOnPurchase(db, TEST_SHOP, { checkoutIds: [message.checkout.id], usedCodes: ["COMEBACK-USEDCODE"] }, ORDERED_AT);

    expect(released).toEqual({ redeemed: 1, deactivating: 1 });
    expect(await statusOf(offered.id)).toEqual({ status: "deactivating", endedAt: ORDERED_AT });
    expect(await statusOf(used.id)).toMatchObject({ status: "redeemed" });
  });

  it("leaves other checkouts' codes, and codes already ended, as they are", async () => {
    const other = await createOfferedDiscount();
    const expired = await createOfferedDiscount({ status: "expired" });

    const released = await releaseDiscountsOnPurchase(db, TEST_SHOP, { checkoutIds: [expired.checkoutId], usedCodes: [] }, ORDERED_AT);

    expect(released).toEqual({ redeemed: 0, deactivating: 0 });
    expect(await statusOf(other.id)).toEqual({ status: "active", endedAt: null });
    expect(await statusOf(expired.id)).toEqual({ status: "expired", endedAt: null });
  });

  it("leaves another shop's codes alone, even for the same checkout id", async () => {
    const discount = await createOfferedDiscount();

    await releaseDiscountsOnPurchase(db, "other-shop.myshopify.com", { checkoutIds: [discount.checkoutId], usedCodes: [discount.code] }, ORDERED_AT);

    expect(await statusOf(discount.id)).toMatchObject({ status: "active" });
  });

  it("runs inside the order webhook's transaction, and rolls back with it", async () => {
    const discount = await createOfferedDiscount();

    const failing = db.$transaction(async (tx) => {
      await releaseDiscountsOnPurchase(tx, TEST_SHOP, { checkoutIds: [discount.checkoutId], usedCodes: [] }, ORDERED_AT);
      throw new Error("the order could not be stored");
    });

    await expect(failing).rejects.toThrow("the order could not be stored");
    expect(await statusOf(discount.id)).toMatchObject({ status: "active" });
  });
});
