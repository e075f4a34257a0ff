import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { adminForShop } from "~/shopify-admin/admin-for-shop.server";
import { startFakeShopify, type FakeShopify } from "../doubles/fake-shopify";
import { resetDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";

let shopify: FakeShopify;

beforeAll(async () => {
  shopify = await startFakeShopify({ scopes: config.scopes });
});
afterAll(() => shopify.close());

beforeEach(async () => {
  await resetDatabase();
  shopify.reset();
});

describe("the Admin API for background jobs", () => {
  it("calls Shopify with the shop's stored offline token", async () => {
    const session = await storeOfflineSession();
    shopify.acceptAccessToken(TEST_SHOP, session.accessToken!);

    const admin = await adminForShop(TEST_SHOP);

    expect(await admin.deactivateDiscountCode("gid://shopify/DiscountCodeNode/1")).toEqual({ status: "failed", error: "Discount does not exist (id)" });
    expect(shopify.calls).toMatchObject([{ shop: TEST_SHOP, field: "discountCodeDeactivate" }]);
  });

  it("fails every call for good, without calling Shopify, for a shop with no offline session", async () => {
    const admin = await adminForShop(TEST_SHOP);

    expect(await admin.deactivateDiscountCode("gid://shopify/DiscountCodeNode/1")).toEqual({
      status: "failed",
      error: `Comeback is not installed on ${TEST_SHOP} (no offline session)`,
    });
    expect(await admin.createDiscountCode({
      code: "COMEBACK-7QK2MX9D",
      title: "Comeback recovery",
      customerId: null,
      kind: "percentage",
      value: "10",
      minSubtotal: null,
      startsAt: new Date(),
      endsAt: new Date(Date.now() + 3_600_000),
    })).toMatchObject({ status: "failed" });
    await expect(admin.shopProfile()).rejects.toThrow("not installed");
    expect(shopify.calls).toEqual([]);
  });

  it("fails for good when Shopify no longer accepts the stored token", async () => {
    await storeOfflineSession();

    const admin = await adminForShop(TEST_SHOP);

    expect(await admin.deactivateDiscountCode("gid://shopify/DiscountCodeNode/1")).toEqual({ status: "failed", error: "Shopify answered 401: Unauthorized" });
  });
});
