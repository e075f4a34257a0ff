import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { adminForShop } from "~/shopify-admin/admin-for-shop.server";
import type { DiscountCodeRequest } from "~/shopify-admin/shopify-admin";
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
  const session = await storeOfflineSession();
  shopify.acceptAccessToken(TEST_SHOP, session.accessToken!);
});

const STARTS_AT = new Date("2026-11-21T15:00:00Z");
const ENDS_AT = new Date("2026-11-24T15:00:00Z");

const request = (overrides: Partial<DiscountCodeRequest> = {}): DiscountCodeRequest => ({
  code: "COMEBACK-7QK2MX9D",
  title: "Comeback recovery: step 2, checkout 12, run 34",
  customerId: "7677484597543",
  kind: "percentage",
  value: "15",
  minSubtotal: null,
  startsAt: STARTS_AT,
  endsAt: ENDS_AT,
  ...overrides,
});

const create = async (overrides: Partial<DiscountCodeRequest> = {}) => (await adminForShop(TEST_SHOP)).createDiscountCode(request(overrides));
const sentInput = () => shopify.discounts.at(-1)?.input;

describe("creating a recovery code in Shopify", () => {
  it("creates a single-use code for the shopper's customer account, on the whole order, combining with nothing", async () => {
    const result = await create();

    expect(result).toEqual({ status: "created", shopifyDiscountId: shopify.discounts[0]!.id, endsAt: ENDS_AT });
    expect(sentInput()).toEqual({
      title: "Comeback recovery: step 2, checkout 12, run 34",
      code: "COMEBACK-7QK2MX9D",
      startsAt: "2026-11-21T15:00:00.000Z",
      endsAt: "2026-11-24T15:00:00.000Z",
      usageLimit: 1,
      appliesOncePerCustomer: true,
      context: { customers: { add: ["gid://shopify/Customer/7677484597543"] } },
      customerGets: { value: { percentage: 0.15 }, items: { all: true } },
      combinesWith: { orderDiscounts: false, productDiscounts: false, shippingDiscounts: false },
    });
    expect(shopify.calls.map((call) => call.field)).toEqual(["discountCodeBasicCreate"]);
  });

  it("opens a guest's code to everyone, its single use being the limit", async () => {
    await create({ customerId: null });

    expect(sentInput()?.context).toEqual({ all: "ALL" });
  });

  it("sends a percentage as Shopify's 0–1 fraction without float drift", async () => {
    await create({ value: "14.1" });

    expect(sentInput()?.customerGets).toEqual({ value: { percentage: 0.141 }, items: { all: true } });
  });

  it("sends a fixed amount off the order, with its minimum subtotal", async () => {
    await create({ kind: "fixed_amount", value: "10.00", minSubtotal: "50.00" });

    expect(sentInput()).toMatchObject({
      customerGets: { value: { discountAmount: { amount: "10.00", appliesOnEachItem: false } }, items: { all: true } },
      minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: "50.00" } },
    });
  });

  it("fails for good with Shopify's own words when it refuses the input", async () => {
    const result = await create({ value: "150" });

    expect(result).toEqual({ status: "failed", error: "Percentage must be between 0 and 1 (basicCodeDiscount.customerGets.value.percentage)" });
    expect(shopify.discounts).toEqual([]);
  });

  it("fails for good on any other userError", async () => {
    shopify.failNext({ kind: "user_errors", userErrors: [{ field: ["basicCodeDiscount", "title"], code: "TOO_LONG", message: "Title is too long" }] });

    expect(await create()).toEqual({ status: "failed", error: "Title is too long (basicCodeDiscount.title)" });
  });

  it("fails for good when Shopify refuses the query itself, as it does without the discounts scope", async () => {
    shopify.operations.CreateRecoveryDiscount = () => ({
      errors: [{ message: "Access denied for discountCodeBasicCreate field.", extensions: { code: "ACCESS_DENIED" } }],
    });

    expect(await create()).toEqual({ status: "failed", error: "Shopify refused the query: Access denied for discountCodeBasicCreate field." });
  });

  it("answers a retry of the same code with the discount the first attempt created, never a second one", async () => {
    const first = await create();
    const retry = await create({ endsAt: new Date(ENDS_AT.getTime() + 60_000) });

    expect(retry).toEqual(first);
    expect(shopify.discounts).toHaveLength(1);
    expect(shopify.calls.map((call) => call.field)).toEqual(["discountCodeBasicCreate", "discountCodeBasicCreate", "codeDiscountNodeByCode"]);
  });

  it("refuses a code that another discount already uses", async () => {
    await create({ title: "Merchant's own sale" });

    expect(await create()).toEqual({ status: "failed", error: "Code COMEBACK-7QK2MX9D belongs to another discount" });
  });

  it.each([
    ["HTTP 429", { kind: "rate_limited", retryAfter: "2.0" } as const, { retryAfterMs: 2000 }],
    ["the query-cost limiter", { kind: "throttled" } as const, {}],
    ["a 500", { kind: "server_error", status: 500 } as const, {}],
    ["a dropped connection", { kind: "disconnect" } as const, {}],
  ])("is worth retrying after %s", async (_, failure, extra) => {
    shopify.failNext(failure);

    const result = await create();

    expect(result).toMatchObject({ status: "retryable", ...extra });
    expect(shopify.discounts).toEqual([]);
  });
});

describe("deactivating a code in Shopify", () => {
  const deactivate = async (id: string) => (await adminForShop(TEST_SHOP)).deactivateDiscountCode(id);

  it("switches the discount off", async () => {
    await create();

    expect(await deactivate(shopify.discounts[0]!.id)).toEqual({ status: "deactivated" });
    expect(shopify.discounts[0]?.status).toBe("EXPIRED");
    expect(shopify.calls.at(-1)).toMatchObject({ field: "discountCodeDeactivate", variables: { id: shopify.discounts[0]!.id } });
  });

  it("fails for good on a discount Shopify does not have", async () => {
    expect(await deactivate("gid://shopify/DiscountCodeNode/404")).toEqual({ status: "failed", error: "Discount does not exist (id)" });
  });

  it("is worth retrying while Shopify is unavailable", async () => {
    await create();
    shopify.failNext({ kind: "server_error", status: 503 });

    expect(await deactivate(shopify.discounts[0]!.id)).toMatchObject({ status: "retryable" });
    expect(shopify.discounts[0]?.status).toBe("ACTIVE");
  });
});
