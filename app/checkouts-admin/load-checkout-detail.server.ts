import type { CheckoutStatus } from "~/checkouts/checkout-status";
import type { Db } from "~/db/client.server";
import { listCheckoutActivity } from "~/models/activity.server";
import { deliveryIdsOfCheckout, findCheckoutWithEnrollment, ordersForTimeline, stepRunsForTimeline } from "~/models/checkout-detail.server";
import { scheduledRunOfEnrollment } from "~/models/scheduled-step-run.server";
import { findShop } from "~/models/shop.server";
import { deliveryWithAttempts } from "~/outbound/deliveries.server";
import { hasEmailMarketingConsent } from "~/recovery/consent";
import { cartLineViews } from "./cart-lines";
import { buildTimeline, orderIdsIn, stepRunIdsIn } from "./timeline";

export type CheckoutDetail = NonNullable<Awaited<ReturnType<typeof loadCheckoutDetail>>>;

const iso = (at: Date | null) => at?.toISOString() ?? null;

/**
 * Everything the checkout page shows: cart, customer, consent, enrollment and the timeline that
 * explains each message sent or not sent. Null when the shop has no such checkout.
 */
export async function loadCheckoutDetail(db: Db, shop: string, checkoutId: number) {
  const checkout = await findCheckoutWithEnrollment(db, shop, checkoutId);
  if (!checkout) return null;
  const { enrollment } = checkout;
  const [shopRecord, activities, deliveryIds, nextRun] = await Promise.all([
    findShop(db, shop),
    listCheckoutActivity(db, shop, checkout.id),
    deliveryIdsOfCheckout(db, shop, checkout.id),
    enrollment?.status === "active" ? scheduledRunOfEnrollment(db, shop, enrollment.id) : null,
  ]);
  const [deliveries, orders, stepRuns] = await Promise.all([
    Promise.all(deliveryIds.map((id) => deliveryWithAttempts(db, shop, id))),
    ordersForTimeline(db, shop, checkout.id, orderIdsIn(activities)),
    stepRunsForTimeline(db, shop, stepRunIdsIn(activities)),
  ]);

  return {
    timezone: shopRecord?.timezone ?? "UTC",
    checkout: {
      id: checkout.id,
      status: checkout.status as CheckoutStatus,
      createdAt: checkout.shopifyCreatedAt.toISOString(),
      abandonedAt: iso(checkout.abandonedAt),
      completedAt: iso(checkout.completedAt),
      redactedAt: iso(checkout.redactedAt),
      currency: checkout.currency,
      subtotalPrice: checkout.subtotalPrice,
      totalDiscounts: checkout.totalDiscounts,
      totalTax: checkout.totalTax,
      totalPrice: checkout.totalPrice,
      lines: cartLineViews(checkout.lineItems, checkout.currency),
      hasRecoveryUrl: checkout.recoveryUrl !== null,
    },
    customer: {
      firstName: checkout.firstName,
      lastName: checkout.lastName,
      email: checkout.email,
      phone: checkout.phone,
      locale: checkout.locale,
      countryCode: checkout.countryCode,
    },
    consent: {
      emailMarketing: hasEmailMarketingConsent(checkout),
      emailConsentState: checkout.emailConsentState,
      sms: checkout.acceptsSmsMarketing,
    },
    enrollment: enrollment && {
      status: enrollment.status,
      stopReason: enrollment.stopReason,
      holdout: enrollment.holdout,
      sequenceVersion: enrollment.version.number,
      endedAt: iso(enrollment.endedAt),
      // A newer cart of the same shopper joined: later messages show it, and its page tells their story.
      newerCheckoutId: enrollment.checkoutId === checkout.id ? null : enrollment.checkoutId,
      nextStep: nextRun && { position: nextRun.position, channel: nextRun.channel, dueAt: nextRun.dueAt.toISOString() },
    },
    timeline: buildTimeline({ activities, deliveries: deliveries.filter((delivery) => delivery !== null), orders, stepRuns }),
  };
}
