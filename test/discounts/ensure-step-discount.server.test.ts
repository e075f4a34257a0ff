import type { Prisma } from "@prisma/client";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { discountCodeName } from "~/discounts/discount-code-name.server";
import { ensureStepDiscount, type StepDiscountRequest } from "~/discounts/ensure-step-discount.server";
import { adminForShop } from "~/shopify-admin/admin-for-shop.server";
import { createSentMessage } from "../factories/recovery";
import { createOfferedDiscount } from "../factories/discount";
import { useInstalledShop } from "./discount-world";

const world = useInstalledShop();

const NOW = new Date("2026-11-21T15:00:00Z");
const HOUR = 3_600_000;
const STEP = { position: 2, discountKind: "percentage", discountValue: "15", discountMinSubtotal: null, discountExpiryHours: 48 };

/** The request the sequencer makes for a freshly created sent message, with per-test overrides. */
async function stepAboutToSend(overrides: Partial<StepDiscountRequest> = {}, checkout: Partial<Prisma.CheckoutUncheckedCreateInput> = {}) {
  const message = await createSentMessage({ checkout });
  const request: StepDiscountRequest = {
    db,
    admin: await adminForShop(TEST_SHOP),
    shop: TEST_SHOP,
    step: STEP,
    stepRunId: message.stepRun.id,
    enrollmentId: message.enrollment.id,
    checkout: { id: message.checkout.id, customerId: message.checkout.customerId, currency: message.checkout.currency },
    now: NOW,
    ...overrides,
  };
  return { message, request };
}

describe("the discount code of a step about to send", () => {
  it("creates the step run's code in Shopify for the shopper, stores it, and puts it on the checkout's timeline", async () => {
    const { message, request } = await stepAboutToSend();
    const code = discountCodeName(TEST_SHOP, message.stepRun.id);
    const endsAt = new Date(NOW.getTime() + 48 * HOUR);

    const outcome = await ensureStepDiscount(request);

    expect(outcome).toEqual({ status: "ready", discount: { code, kind: "percentage", value: "15", endsAt } });
    expect(world.shopify.discounts).toHaveLength(1);
    expect(world.shopify.discounts[0]?.input).toMatchObject({
      code,
      title: `Comeback recovery: step 2, checkout ${message.checkout.id}, run ${message.stepRun.id}`,
      startsAt: NOW.toISOString(),
      endsAt: endsAt.toISOString(),
      context: { customers: { add: ["gid://shopify/Customer/7677484597543"] } },
    });
    expect(await db.discountCode.findMany()).toMatchObject([
      {
        shop: TEST_SHOP,
        stepRunId: message.stepRun.id,
        enrollmentId: message.enrollment.id,
        checkoutId: message.checkout.id,
        code,
        shopifyDiscountId: world.shopify.discounts[0]!.id,
        kind: "percentage",
        value: "15",
        minSubtotal: null,
        endsAt,
        status: "active",
      },
    ]);
    expect(await db.activity.findMany({ select: { kind: true, checkoutId: true, stepRunId: true, at: true, detail: true } })).toEqual([
      {
        kind: "discount_created",
        checkoutId: message.checkout.id,
        stepRunId: message.stepRun.id,
        at: NOW,
        detail: { code, kind: "percentage", value: "15", endsAt: endsAt.toISOString() },
      },
    ]);
  });

  it("gives a guest's checkout a code anyone may use once", async () => {
    const { request } = await stepAboutToSend({}, { customerId: null });

    await ensureStepDiscount(request);

    expect(world.shopify.discounts[0]?.input).toMatchObject({ context: { all: "ALL" }, usageLimit: 1 });
  });

  it("offers a fixed amount with its minimum subtotal in the shop's currency", async () => {
    const step = { ...STEP, discountKind: "fixed_amount", discountValue: "10", discountMinSubtotal: "75" };
    const { request } = await stepAboutToSend({ step });

    const outcome = await ensureStepDiscount(request);

    expect(outcome).toMatchObject({ status: "ready", discount: { kind: "fixed_amount", value: "10.00" } });
    expect(world.shopify.discounts[0]?.input).toMatchObject({
      customerGets: { value: { discountAmount: { amount: "10.00", appliesOnEachItem: false } } },
      minimumRequirement: { subtotal: { greaterThanOrEqualToSubtotal: "75.00" } },
    });
    expect(await db.discountCode.findFirstOrThrow()).toMatchObject({ kind: "fixed_amount", value: "10.00", minSubtotal: "75.00" });
  });

  it("returns the stored code to every later attempt of the same step run, without asking Shopify again", async () => {
    const { request } = await stepAboutToSend();
    const first = await ensureStepDiscount(request);
    const callsAfterFirst = world.shopify.calls.length;

    const again = await ensureStepDiscount({ ...request, now: new Date(NOW.getTime() + HOUR) });

    expect(again).toEqual(first);
    expect(world.shopify.calls).toHaveLength(callsAfterFirst);
    expect(await db.discountCode.count()).toBe(1);
  });

  it("adopts the discount an attempt whose answer was lost created, with the end Shopify gave it", async () => {
    const { request } = await stepAboutToSend();
    world.shopify.failNext({ kind: "answer_lost" });

    expect(await ensureStepDiscount(request)).toMatchObject({ status: "retryable" });
    expect(await db.discountCode.count()).toBe(0);

    const retry = await ensureStepDiscount({ ...request, now: new Date(NOW.getTime() + 2 * HOUR) });

    expect(retry).toMatchObject({ status: "ready", discount: { endsAt: new Date(NOW.getTime() + 48 * HOUR) } });
    expect(world.shopify.discounts).toHaveLength(1);
    expect(await db.discountCode.findFirstOrThrow()).toMatchObject({ shopifyDiscountId: world.shopify.discounts[0]!.id, endsAt: new Date(NOW.getTime() + 48 * HOUR) });
  });

  it("asks to retry while Shopify throttles, and stores nothing until it answers", async () => {
    const { request } = await stepAboutToSend();
    world.shopify.failNext({ kind: "rate_limited", retryAfter: "4" });

    expect(await ensureStepDiscount(request)).toMatchObject({ status: "retryable", retryAfterMs: 4000 });
    expect(await db.discountCode.count()).toBe(0);
    expect(await ensureStepDiscount(request)).toMatchObject({ status: "ready" });
  });

  it("fails when Shopify refuses the discount, storing nothing", async () => {
    const { request } = await stepAboutToSend();
    world.shopify.failNext({ kind: "user_errors", userErrors: [{ field: ["basicCodeDiscount", "code"], code: "INVALID", message: "Code is invalid" }] });

    expect(await ensureStepDiscount(request)).toEqual({ status: "failed", error: "Code is invalid (basicCodeDiscount.code)" });
    expect(await db.discountCode.count()).toBe(0);
    expect(await db.activity.count()).toBe(0);
  });

  it("fails for a shop without an offline session", async () => {
    const { request } = await stepAboutToSend();
    await db.session.deleteMany();

    const outcome = await ensureStepDiscount({ ...request, admin: await adminForShop(TEST_SHOP) });

    expect(outcome).toMatchObject({ status: "failed", error: expect.stringContaining("not installed") });
  });

  it("fails without calling Shopify when the offer cannot be made on this checkout", async () => {
    const step = { ...STEP, discountKind: "fixed_amount", discountValue: "10" };
    const { request } = await stepAboutToSend({ step }, { currency: "EUR" });

    expect(await ensureStepDiscount(request)).toEqual({ status: "failed", error: "A fixed amount in USD cannot be offered on a checkout in EUR" });
    expect(world.shopify.calls).toEqual([]);
  });

  it("fails rather than offer a stored code that can no longer be used", async () => {
    const { message, request } = await stepAboutToSend();
    await createOfferedDiscount({ endsAt: new Date(NOW.getTime() - 1) }, message);

    expect(await ensureStepDiscount(request)).toMatchObject({ status: "failed", error: expect.stringContaining("no longer usable") });
    expect(world.shopify.calls).toEqual([]);
  });
});
