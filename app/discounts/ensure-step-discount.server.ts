import type { PrismaClient } from "@prisma/client";
import { logger } from "~/lib/logger.server";
import { findDiscountForStepRun, storeDiscountCode } from "~/models/discount-code.server";
import { findShop } from "~/models/shop.server";
import type { AdminFailure, ShopifyAdmin } from "~/shopify-admin/shopify-admin";
import type { OfferedDiscount } from "~/templates/context";
import { discountCodeName } from "./discount-code-name.server";
import { discountOffer, type StepDiscountSettings } from "./discount-offer";
import { recordDiscountActivity } from "./change-discount.server";
import { isUsable, offeredDiscount } from "./stored-discount";

const HOUR = 60 * 60 * 1000;

export interface StepDiscountRequest {
  db: PrismaClient;
  admin: ShopifyAdmin;
  shop: string;
  step: StepDiscountSettings & { position: number };
  stepRunId: number;
  enrollmentId: number;
  checkout: { id: number; customerId: string | null; currency: string };
  now: Date;
}

export type StepDiscountOutcome = { status: "ready"; discount: OfferedDiscount } | AdminFailure;

/**
 * The code a step offers, created in Shopify the first time the step is about to send and reused by
 * every retry of the same step run. A retry after a lost answer asks Shopify for the same derived code,
 * which then reports the discount it already made rather than a second one.
 */
export async function ensureStepDiscount({ db, admin, shop, step, stepRunId, enrollmentId, checkout, now }: StepDiscountRequest): Promise<StepDiscountOutcome> {
  const existing = await findDiscountForStepRun(db, shop, stepRunId);
  if (existing) {
    return isUsable(existing, now)
      ? { status: "ready", discount: offeredDiscount(existing) }
      : { status: "failed", error: `Discount code ${existing.code} is no longer usable (${existing.status})` };
  }

  const shopCurrency = (await findShop(db, shop))?.currency;
  if (!shopCurrency) return { status: "failed", error: `Shop ${shop} not found` };
  const offer = discountOffer(step, { shop: shopCurrency, checkout: checkout.currency });
  if ("error" in offer) return { status: "failed", error: offer.error };

  const code = discountCodeName(shop, stepRunId);
  const creation = await admin.createDiscountCode({
    code,
    title: `Comeback recovery: step ${step.position}, checkout ${checkout.id}, run ${stepRunId}`,
    customerId: checkout.customerId,
    kind: offer.kind,
    value: offer.value,
    minSubtotal: offer.minSubtotal,
    startsAt: now,
    endsAt: new Date(now.getTime() + offer.expiryHours * HOUR),
  });
  if (creation.status !== "created") {
    logger.warn("Could not create a discount code", { shop, stepRunId, status: creation.status, error: creation.error });
    return creation;
  }

  const stored = await db.$transaction(async (tx) => {
    const discount = await storeDiscountCode(tx, shop, {
      stepRunId,
      enrollmentId,
      checkoutId: checkout.id,
      code,
      shopifyDiscountId: creation.shopifyDiscountId,
      kind: offer.kind,
      value: offer.value,
      minSubtotal: offer.minSubtotal,
      endsAt: creation.endsAt,
    });
    const detail = { kind: offer.kind, value: offer.value, endsAt: creation.endsAt.toISOString() };
    await recordDiscountActivity(tx, discount, { kind: "discount_created", at: now, detail });
    return discount;
  });
  return { status: "ready", discount: offeredDiscount(stored) };
}
