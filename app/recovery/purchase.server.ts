import { countAttributedOrder } from "~/dashboard/count-attributed-order.server";
import { countEnrollmentRecovery } from "~/dashboard/count-enrollment-recovery.server";
import type { Db } from "~/db/client.server";
import { releaseDiscountsOnPurchase } from "~/discounts/release-discounts.server";
import { recordActivity } from "~/models/activity.server";
import { checkoutIdsOfEnrollment } from "~/models/checkout.server";
import { findEnrollment, latestEnrollmentForShopper, markEnrollmentRecovered } from "~/models/enrollment.server";
import { recordAttribution, type OrderRecord } from "~/models/order.server";
import { lastClickedRun, lastSentRun } from "~/models/step-run.server";
import { stopEnrollment } from "./stop-enrollment.server";

const DAY = 24 * 60 * 60 * 1000;

export interface Purchase {
  orderId: number;
  order: OrderRecord;
  /** The checkout the order was linked to, with its enrollment if it had one. */
  checkout: { id: number; enrollmentId: number | null } | null;
}

/** What a purchase needs of its shop, as the order webhook has already read it. */
export interface PurchasingShop {
  domain: string;
  timezone: string;
  currency: string;
  attributionDays: number;
}

/**
 * An order ends the shopper's recovery at once (the sequencer's send-time check is the second line of
 * defence) and is attributed: to the last recovery link clicked within the attribution window, or, with
 * no click, recorded as bought after an email. The two are never mixed. Returns the attribution.
 */
export async function applyPurchase(db: Db, purchasingShop: PurchasingShop, { orderId, order, checkout }: Purchase) {
  const shop = purchasingShop.domain;
  const at = order.shopifyCreatedAt;
  const enrollment = checkout?.enrollmentId
    ? await findEnrollment(db, shop, checkout.enrollmentId)
    : await latestEnrollmentForShopper(db, shop, order, at);
  const checkoutId = checkout?.id ?? enrollment?.checkoutId;
  if (checkoutId) await recordActivity(db, shop, { kind: "purchased", checkoutId, enrollmentId: enrollment?.id, at, detail: { orderId } });
  if (!enrollment) return null;

  if (await markEnrollmentRecovered(db, shop, enrollment.id, at)) await countEnrollmentRecovery(db, purchasingShop, enrollment);
  await stopEnrollment(db, shop, enrollment, "purchased", at);
  // A code belongs to the checkout it was made for: release those of every cart the shopper abandoned.
  const checkoutIds = await checkoutIdsOfEnrollment(db, shop, enrollment.id);
  await releaseDiscountsOnPurchase(db, shop, { checkoutIds, usedCodes: order.discountCodes }, at);
  const window = { from: new Date(at.getTime() - purchasingShop.attributionDays * DAY), to: at };
  const clicked = await lastClickedRun(db, shop, enrollment.id, window);
  const sent = clicked ? null : await lastSentRun(db, shop, enrollment.id, window);
  const attribution = clicked ? { kind: "clicked" as const, stepRunId: clicked.id } : sent && { kind: "after_email" as const, stepRunId: sent.id };
  if (attribution) {
    await recordAttribution(db, shop, orderId, attribution);
    await countAttributedOrder(db, purchasingShop, { order, attribution });
  }
  return attribution?.kind ?? null;
}
