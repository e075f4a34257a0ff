import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { ensureStepDiscount } from "~/discounts/ensure-step-discount.server";
import { releaseDiscountsOnPurchase } from "~/discounts/release-discounts.server";
import { settleDiscounts } from "~/discounts/settle-discounts.server";
import { adminForShop } from "~/shopify-admin/admin-for-shop.server";
import { createSentMessage } from "../factories/recovery";
import { createOfferedDiscount } from "../factories/discount";
import { useInstalledShop } from "./discount-world";

const world = useInstalledShop();

const HOUR = 3_600_000;
const OFFERED_AT = new Date("2026-11-21T15:00:00Z");
const ORDERED_AT = new Date(OFFERED_AT.getTime() + 2 * HOUR);
const at = (hoursAfterOrder: number) => new Date(ORDERED_AT.getTime() + hoursAfterOrder * HOUR);

const settleAt = (now: Date, batchSize = 10) => settleDiscounts({ db, adminFor: adminForShop, clock: () => now, batchSize });

/** A code created in Shopify for a shopper who then ordered without it. */
async function releasedCode(shopper: string) {
  const { checkout, enrollment, stepRun } = await createSentMessage({ checkout: { email: `${shopper}@example.com` } });
  const step = { position: 1, discountKind: "percentage", discountValue: "10", discountMinSubtotal: null, discountExpiryHours: 72 };
  const admin = await adminForShop(TEST_SHOP);
  const offered = await ensureStepDiscount({ db, admin, shop: TEST_SHOP, step, stepRunId: stepRun.id, enrollmentId: enrollment.id, checkout, now: OFFERED_AT });
  if (offered.status !== "ready") throw new Error(`No code: ${offered.error}`);
  await releaseDiscountsOnPurchase(db, TEST_SHOP, { checkoutIds: [checkout.id], usedCodes: [] }, ORDERED_AT);
  const discount = await db.discountCode.findFirstOrThrow({ where: { stepRunId: stepRun.id } });
  return { discount, inShopify: world.shopify.discounts.find((candidate) => candidate.id === discount.shopifyDiscountId)! };
}

const stored = (id: number) => db.discountCode.findUniqueOrThrow({ where: { id } });
const timeline = (kind: string) => db.activity.findMany({ where: { kind }, select: { stepRunId: true, at: true, reason: true, detail: true } });
const deactivations = () => world.shopify.calls.filter((call) => call.field === "discountCodeDeactivate");

describe("switching off, in Shopify, the codes a purchase released", () => {
  it("deactivates the discount through the Admin API and shows it on the timeline", async () => {
    const { discount, inShopify } = await releasedCode("ann");

    const report = await settleAt(at(0.1));

    expect(report).toEqual({ deactivated: 1, expired: 0, retrying: 0, failed: 0 });
    expect(inShopify.status).toBe("EXPIRED");
    expect(await stored(discount.id)).toMatchObject({ status: "deactivated", endedAt: ORDERED_AT });
    expect(await timeline("discount_deactivated")).toEqual([{ stepRunId: discount.stepRunId, at: at(0.1), reason: null, detail: { code: discount.code } }]);
  });

  it("tries again on a later tick while Shopify is unavailable", async () => {
    const { discount, inShopify } = await releasedCode("ann");
    world.shopify.failNext({ kind: "server_error", status: 503 });

    expect(await settleAt(at(0.1))).toEqual({ deactivated: 0, expired: 0, retrying: 1, failed: 0 });
    expect(await stored(discount.id)).toMatchObject({ status: "deactivating" });

    expect(await settleAt(at(0.2))).toMatchObject({ deactivated: 1, retrying: 0 });
    expect(inShopify.status).toBe("EXPIRED");
  });

  it("leaves the rest of a throttled shop's codes for the next tick, without calling for them", async () => {
    const first = await releasedCode("ann");
    const second = await releasedCode("bob");
    world.shopify.failNext({ kind: "rate_limited", retryAfter: "2.0" });

    expect(await settleAt(at(0.1))).toEqual({ deactivated: 0, expired: 0, retrying: 2, failed: 0 });
    expect(deactivations()).toHaveLength(1);

    await settleAt(at(0.2));
    expect([first.inShopify.status, second.inShopify.status]).toEqual(["EXPIRED", "EXPIRED"]);
  });

  it("gives up a day after the purchase, recording Shopify's last answer", async () => {
    const { discount, inShopify } = await releasedCode("ann");
    world.shopify.failNext({ kind: "server_error", status: 500 });

    expect(await settleAt(at(24.5))).toEqual({ deactivated: 0, expired: 0, retrying: 0, failed: 1 });
    expect(inShopify.status).toBe("ACTIVE");
    expect(await stored(discount.id)).toMatchObject({ status: "deactivation_failed" });
    expect(await timeline("discount_deactivation_failed")).toEqual([
      { stepRunId: discount.stepRunId, at: at(24.5), reason: "gave_up", detail: { code: discount.code, error: "Shopify answered 500" } },
    ]);
    expect(await settleAt(at(25))).toEqual({ deactivated: 0, expired: 0, retrying: 0, failed: 0 });
  });

  it("gives up at once when Shopify refuses for good", async () => {
    const { discount } = await releasedCode("ann");
    await db.discountCode.update({ where: { id: discount.id }, data: { shopifyDiscountId: "gid://shopify/DiscountCodeNode/404" } });

    expect(await settleAt(at(0.1))).toMatchObject({ failed: 1 });
    expect(await timeline("discount_deactivation_failed")).toMatchObject([{ reason: "refused", detail: { error: "Discount does not exist (id)" } }]);
  });

  it("gives up on the codes of a shop that is no longer installed", async () => {
    const { discount } = await releasedCode("ann");
    await db.session.deleteMany();

    expect(await settleAt(at(0.1))).toMatchObject({ failed: 1 });
    expect(await stored(discount.id)).toMatchObject({ status: "deactivation_failed" });
    expect(deactivations()).toEqual([]);
  });
});

describe("codes whose end has passed", () => {
  it("become expired at their end without a call, since Shopify already stops them there", async () => {
    const endsAt = at(-1);
    const active = await createOfferedDiscount({ endsAt });
    const released = await createOfferedDiscount({ status: "deactivating", endedAt: at(-3), endsAt });
    const current = await createOfferedDiscount({ endsAt: at(48) });

    const report = await settleAt(at(0));

    expect(report).toEqual({ deactivated: 0, expired: 2, retrying: 0, failed: 0 });
    expect(await stored(active.id)).toMatchObject({ status: "expired", endedAt: endsAt });
    expect(await stored(released.id)).toMatchObject({ status: "expired", endedAt: at(-3) });
    expect(await stored(current.id)).toMatchObject({ status: "active", endedAt: null });
    expect(await timeline("discount_expired")).toEqual([
      { stepRunId: active.stepRunId, at: endsAt, reason: null, detail: { code: active.code } },
      { stepRunId: released.stepRunId, at: endsAt, reason: null, detail: { code: released.code } },
    ]);
    expect(world.shopify.calls).toEqual([]);
  });

  it("are all expired in one run, batch after batch", async () => {
    for (let index = 0; index < 5; index++) await createOfferedDiscount({ endsAt: at(-index - 1) });

    expect(await settleAt(at(0), 2)).toMatchObject({ expired: 5 });
    expect(await db.discountCode.count({ where: { status: "active" } })).toBe(0);
  });

  it("leave redeemed and deactivated codes as they are", async () => {
    await createOfferedDiscount({ status: "redeemed", endedAt: at(-5), endsAt: at(-1) });
    await createOfferedDiscount({ status: "deactivated", endedAt: at(-5), endsAt: at(-1) });

    expect(await settleAt(at(0))).toEqual({ deactivated: 0, expired: 0, retrying: 0, failed: 0 });
  });
});
