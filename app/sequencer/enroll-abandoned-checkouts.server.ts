import type { Checkout, Enrollment, PrismaClient } from "@prisma/client";
import { countAbandonment } from "~/dashboard/count-abandonment.server";
import type { Db } from "~/db/client.server";
import { isInHoldout } from "~/experiments/holdout";
import { logger } from "~/lib/logger.server";
import { recordActivity } from "~/models/activity.server";
import { attachCheckoutToEnrollment, claimAbandonment, dueAbandonmentChecks, findCheckout } from "~/models/checkout.server";
import { findActiveEnrollmentForShopper, joinEnrollment, startEnrollment } from "~/models/enrollment.server";
import { activeSequenceVersion } from "~/models/sequence.server";
import { findInstalledShop } from "~/models/shop.server";
import { announceAbandonment } from "~/recovery/checkout-events.server";
import { shopperKey } from "~/recovery/shopper-key";
import { advanceEnrollments } from "./advance-enrollment.server";

/**
 * Marks checkouts abandoned once their check time passes and enrolls each shopper in the shop's active
 * sequence, or adds the newer cart to the shopper's running enrollment. Reads only due checks, through
 * the abandonCheckAt index, so its cost follows the number of abandonments, not of stored checkouts.
 */
export async function enrollAbandonedCheckouts(db: PrismaClient, now: Date, batchSize: number): Promise<number> {
  const failed = new Set<number>();
  let abandoned = 0;
  for (;;) {
    const due = (await dueAbandonmentChecks(db, now, batchSize + failed.size)).filter((check) => !failed.has(check.id));
    for (const check of due) {
      try {
        if (await db.$transaction((tx) => abandonAndEnroll(tx, check.shop, check.id, check.abandonCheckAt!, now))) abandoned += 1;
      } catch (error) {
        // Left due: the next tick tries again (another process may have enrolled the shopper meanwhile).
        failed.add(check.id);
        logger.warn("Could not enroll an abandoned checkout", { shop: check.shop, checkoutId: check.id, error });
      }
    }
    if (due.length < batchSize) return abandoned;
  }
}

async function abandonAndEnroll(tx: Db, shop: string, checkoutId: number, checkAt: Date, now: Date): Promise<boolean> {
  if (!(await claimAbandonment(tx, shop, checkoutId, checkAt))) return false;
  const checkout = (await findCheckout(tx, shop, checkoutId))!;
  await recordActivity(tx, shop, { kind: "abandoned", checkoutId, at: checkAt });
  const enrollment = await enroll(tx, shop, checkout, checkAt, now);
  await countAbandonment(tx, shop, { at: checkAt, checkout, enrollment });
  return true;
}

/** Starts the shopper's enrollment, or adds the cart to their running one; the enrollment started, if any. */
async function enroll(tx: Db, shop: string, checkout: Checkout, checkAt: Date, now: Date): Promise<Enrollment | null> {
  const checkoutId = checkout.id;
  const installed = await findInstalledShop(tx, shop);
  if (!installed) return null;
  await announceAbandonment(tx, installed, checkout, now);
  const key = shopperKey(shop, checkout);
  if (!key) return null;

  const running = await findActiveEnrollmentForShopper(tx, shop, checkout);
  if (running) {
    await joinEnrollment(tx, shop, running, checkout);
    await attachCheckoutToEnrollment(tx, shop, checkoutId, running.id);
    await recordActivity(tx, shop, { kind: "joined_enrollment", checkoutId, enrollmentId: running.id, at: now });
    return null;
  }

  const version = await activeSequenceVersion(tx, shop);
  if (!version?.steps.some((step) => step.enabled)) return null;
  const enrollment = await startEnrollment(tx, shop, {
    sequenceVersionId: version.id,
    checkoutId,
    shopperKey: key,
    abandonedAt: checkAt,
    cartStartedAt: checkout.shopifyCreatedAt,
    holdout: isInHoldout(key, installed.holdoutPercent),
  });
  await attachCheckoutToEnrollment(tx, shop, checkoutId, enrollment.id);
  await recordActivity(tx, shop, {
    kind: "enrolled",
    checkoutId,
    enrollmentId: enrollment.id,
    at: now,
    detail: { sequenceVersion: version.number, holdout: enrollment.holdout },
  });
  await advanceEnrollments(tx, [{ shop, enrollment, afterPosition: 0, now }]);
  return enrollment;
}
