import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { hasOrderSince, purchasedSince, type PurchaseLookup } from "~/models/order.server";
import { createCheckout, createSequence } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const OTHER_SHOP = "other-shop.myshopify.com";
const CART_STARTED = new Date("2026-11-20T15:00:00Z");
const AFTER = new Date("2026-11-21T09:30:00Z");

let orders = 0;
function createOrder(fields: { shop?: string; shopifyCreatedAt?: Date; checkoutId?: number; checkoutToken?: string; cartToken?: string; customerId?: string; email?: string; phone?: string }) {
  return db.order.create({
    data: { shop: TEST_SHOP, shopifyId: String(5_900_000 + ++orders), currency: "USD", totalPrice: "10.00", totalPriceMinor: 1000n, discountCodes: [], shopifyCreatedAt: AFTER, ...fields },
  });
}

let lookup: PurchaseLookup;

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  await createShop({ domain: OTHER_SHOP });
  const version = (await createSequence([{ delayMinutes: 60 }])).versions[0]!;
  const checkout = await createCheckout({ token: "cart-checkout-token", cartToken: "shopper-cart-token" });
  const enrollment = await db.enrollment.create({
    data: { shop: TEST_SHOP, sequenceVersionId: version.id, checkoutId: checkout.id, shopperKey: "shopper", abandonedAt: CART_STARTED, cartStartedAt: CART_STARTED },
  });
  lookup = {
    since: CART_STARTED,
    enrollmentId: enrollment.id,
    checkoutToken: "cart-checkout-token",
    cartToken: "shopper-cart-token",
    customerId: "7677484597543",
    email: "ann@example.com",
    phone: "+15555550123",
  };
});

describe("hasOrderSince", () => {
  it("finds nothing when the shop has no order from the shopper", async () => {
    await createOrder({ email: "someone-else@example.com" });

    expect(await hasOrderSince(db, TEST_SHOP, lookup)).toBe(false);
  });

  it.each([
    ["the checkout token", { checkoutToken: "cart-checkout-token" }],
    ["the cart token", { cartToken: "shopper-cart-token" }],
    ["the customer id", { customerId: "7677484597543" }],
    ["the email", { email: "ann@example.com" }],
    ["the phone", { phone: "+15555550123" }],
  ])("finds an order matched by %s", async (_way, fields) => {
    await createOrder(fields);

    expect(await hasOrderSince(db, TEST_SHOP, lookup)).toBe(true);
  });

  it("finds an order linked to any of the enrollment's carts, whatever its tokens", async () => {
    const joined = await createCheckout({ enrollmentId: lookup.enrollmentId });
    await createOrder({ checkoutId: joined.id, checkoutToken: "another-token" });

    expect(await hasOrderSince(db, TEST_SHOP, lookup)).toBe(true);
  });

  it("ignores an order placed before the cart started, and counts one placed at that moment", async () => {
    await createOrder({ email: "ann@example.com", shopifyCreatedAt: new Date(CART_STARTED.getTime() - 1) });
    expect(await hasOrderSince(db, TEST_SHOP, lookup)).toBe(false);

    await createOrder({ email: "ann@example.com", shopifyCreatedAt: CART_STARTED });
    expect(await hasOrderSince(db, TEST_SHOP, lookup)).toBe(true);
  });

  it("ignores another shop's orders", async () => {
    await createOrder({ shop: OTHER_SHOP, email: "ann@example.com", checkoutToken: "cart-checkout-token" });

    expect(await hasOrderSince(db, TEST_SHOP, lookup)).toBe(false);
  });

  it("matches only the parts of the identity that are known", async () => {
    await createOrder({ email: "ann@example.com" });

    expect(await hasOrderSince(db, TEST_SHOP, { ...lookup, email: null, customerId: null, phone: null })).toBe(false);
  });
});

describe("purchasedSince", () => {
  it("answers each lookup of a batch on its own, in the shop it names", async () => {
    await createOrder({ email: "ann@example.com" });

    const answers = await purchasedSince(db, [
      { shop: TEST_SHOP, ...lookup },
      { shop: OTHER_SHOP, ...lookup },
      { shop: TEST_SHOP, ...lookup, since: new Date(AFTER.getTime() + 1) },
      { shop: TEST_SHOP, ...lookup, checkoutToken: "another-checkout", cartToken: null, customerId: null, phone: null, email: "bea@example.com" },
    ]);

    expect(answers).toEqual([true, false, false, false]);
  });

  it("asks nothing for no lookups", async () => {
    expect(await purchasedSince(db, [])).toEqual([]);
  });
});
