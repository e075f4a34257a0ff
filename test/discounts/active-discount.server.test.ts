import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { activeDiscountForCheckout } from "~/discounts/active-discount.server";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { createOfferedDiscount } from "../factories/discount";
import { secondStepRun } from "./discount-world";

const NOW = new Date("2026-11-21T15:00:00Z");
const HOUR = 3_600_000;

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("the code the storefront banner shows", () => {
  it("is the checkout's code, with its value and end", async () => {
    const endsAt = new Date(NOW.getTime() + 24 * HOUR);
    const discount = await createOfferedDiscount({ kind: "fixed_amount", value: "10.00", endsAt });

    expect(await activeDiscountForCheckout(db, TEST_SHOP, discount.checkoutId, NOW)).toEqual({ code: discount.code, kind: "fixed_amount", value: "10.00", endsAt });
  });

  it("is the newest of several still on offer", async () => {
    const message = await createSentMessage();
    await createOfferedDiscount({ code: "COMEBACK-OLDERONE", createdAt: new Date(NOW.getTime() - 2 * HOUR), endsAt: new Date(NOW.getTime() + 70 * HOUR) }, message);
    const secondRun = await secondStepRun(message);
    await createOfferedDiscount({ stepRunId: secondRun.id, code: "COMEBACK-NEWERONE", createdAt: NOW, endsAt: new Date(NOW.getTime() + 24 * HOUR) }, message);

    expect(await activeDiscountForCheckout(db, TEST_SHOP, message.checkout.id, NOW)).toMatchObject({ code: "COMEBACK-NEWERONE" });
  });

  it("is none once the code has ended, by time or by status, nor for another shop", async () => {
    const ended = await createOfferedDiscount({ endsAt: NOW });
    const redeemed = await createOfferedDiscount({ status: "redeemed", endsAt: new Date(NOW.getTime() + HOUR) });
    const deactivating = await createOfferedDiscount({ status: "deactivating", endsAt: new Date(NOW.getTime() + HOUR) });
    const current = await createOfferedDiscount({ endsAt: new Date(NOW.getTime() + HOUR) });

    for (const { checkoutId } of [ended, redeemed, deactivating]) expect(await activeDiscountForCheckout(db, TEST_SHOP, checkoutId, NOW)).toBeNull();
    expect(await activeDiscountForCheckout(db, "other-shop.myshopify.com", current.checkoutId, NOW)).toBeNull();
  });
});
