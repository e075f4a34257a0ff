import type { Db } from "~/db/client.server";
import type { CheckoutStatus } from "~/checkouts/checkout-status";
import { contactHash } from "~/lib/contact-hash";
import { findCheckout } from "~/models/checkout.server";
import { findEnrollment } from "~/models/enrollment.server";
import { hasOrderSince } from "~/models/order.server";
import { findShop } from "~/models/shop.server";
import { findStepRun, lastEmailSentTo, previousSentRun, type Claim } from "~/models/step-run.server";
import { suppressionFor } from "~/models/suppression.server";
import type { StopReason } from "~/recovery/activity";
import { toE164 } from "~/outbound/e164";
import { destinationRequirements } from "~/outbound/presets";
import { hasEmailMarketingConsent } from "~/recovery/consent";
import type { StepSituation } from "./decide-step";
import { endOfQuietHours } from "./quiet-hours";
import type { StepReader } from "./tick-step-reader.server";

const HOUR = 60 * 60 * 1000;

export type StepContext = NonNullable<Awaited<ReturnType<typeof loadStepContext>>>;

/**
 * Reads everything the send-time check needs for a claimed step run, fresh from the database; the
 * step itself (what to send) through `readStep`, which a tick may let reuse a recent read.
 */
export async function loadStepContext(db: Db, claim: Claim, now: Date, readStep: StepReader) {
  const run = await findStepRun(db, claim.shop, claim.id);
  if (!run) return null;
  const enrollment = await findEnrollment(db, claim.shop, run.enrollmentId);
  const step = await readStep(claim.shop, run.stepId);
  const shop = await findShop(db, claim.shop);
  const checkout = enrollment && (await findCheckout(db, claim.shop, enrollment.checkoutId));
  if (!enrollment || !step || !shop || !checkout) return null;

  const email = checkout.email;
  const previous = step.skipIfClicked ? await previousSentRun(db, shop.domain, enrollment.id, run.position) : null;
  const lastSent = email ? await lastEmailSentTo(db, shop.domain, contactHash(shop.domain, email), new Date(now.getTime() - shop.frequencyCapHours * HOUR)) : null;

  const situation: StepSituation = {
    shopInstalled: shop.status === "installed",
    enrollmentEnded: enrollment.status === "active" ? null : { reason: enrollment.stopReason as StopReason | null },
    purchased: await hasOrderSince(db, shop.domain, {
      since: enrollment.cartStartedAt,
      enrollmentId: enrollment.id,
      checkoutToken: checkout.token,
      cartToken: checkout.cartToken,
      customerId: checkout.customerId,
      email,
      phone: checkout.phone,
    }),
    checkoutStatus: checkout.status as CheckoutStatus,
    holdout: enrollment.holdout,
    channel: step.channel,
    email,
    destination: step.destination?.enabled ? destinationNeeds(step.destination) : null,
    phone: toE164(checkout.phone, checkout.countryCode),
    smsConsented: checkout.acceptsSmsMarketing,
    suppression: email ? await suppressionFor(db, shop.domain, email) : null,
    consentRequired: shop.requireMarketingConsent,
    consented: hasEmailMarketingConsent(checkout),
    templateAvailable: (step.template?.contents.length ?? 0) > 0,
    // Without exchange rates a minimum in the shop's currency can only judge carts in that currency.
    cartBelowMinimum: step.minCartValueMinor !== null && checkout.currency === shop.currency && checkout.totalPriceMinor < step.minCartValueMinor,
    previousClicked: Boolean(previous?.firstClickedAt),
    quietUntil: endOfQuietHours(now, { timezone: shop.timezone, startMinute: shop.quietHoursStartMinute, endMinute: shop.quietHoursEndMinute }),
    cappedUntil: lastSent?.sentAt ? new Date(lastSent.sentAt.getTime() + shop.frequencyCapHours * HOUR) : null,
  };
  return { run, enrollment, step, shop, checkout, situation };
}

function destinationNeeds(destination: { preset: string | null }) {
  const needs = destinationRequirements(destination);
  return { needsPhone: needs.phone, needsSmsConsent: needs.smsConsent };
}
