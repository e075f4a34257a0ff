import type { CheckoutStatus } from "~/checkouts/checkout-status";
import type { DeferReason, SkipReason, StopReason } from "~/recovery/activity";

/** Everything true at the moment a step is about to run, gathered by the sequencer. */
export interface StepSituation {
  shopInstalled: boolean;
  /** Null while the enrollment runs; otherwise why it ended (completed enrollments end with no reason). */
  enrollmentEnded: { reason: StopReason | null } | null;
  purchased: boolean;
  checkoutStatus: CheckoutStatus;
  /** Holdout shoppers go through the schedule like everyone else and are sent nothing. */
  holdout: boolean;
  channel: string;
  email: string | null;
  /** For webhook steps: the destination, if it still exists and is enabled, and what its payload needs. */
  destination: { needsPhone: boolean; needsSmsConsent: boolean } | null;
  phone: string | null;
  smsConsented: boolean;
  suppression: "unsubscribed" | "bounced" | "spam_report" | "dropped" | null;
  consentRequired: boolean;
  consented: boolean;
  templateAvailable: boolean;
  cartBelowMinimum: boolean;
  previousClicked: boolean;
  quietUntil: Date | null;
  cappedUntil: Date | null;
}

export type StepDecision =
  | { kind: "send" }
  | { kind: "stop"; reason: StopReason }
  | { kind: "skip"; reason: SkipReason }
  | { kind: "defer"; reason: DeferReason; until: Date };

/**
 * The send-time truth check. Reasons that end the shopper's recovery come first (a purchase beats
 * everything), then reasons to pass over this one step, then reasons to wait.
 */
export function decideStep(situation: StepSituation): StepDecision {
  if (!situation.shopInstalled) return { kind: "stop", reason: "shop_uninstalled" };
  if (situation.enrollmentEnded) return { kind: "stop", reason: situation.enrollmentEnded.reason ?? "manual" };
  if (situation.purchased) return { kind: "stop", reason: "purchased" };
  if (situation.checkoutStatus === "completed" || situation.checkoutStatus === "recovered") {
    return { kind: "stop", reason: "checkout_completed" };
  }
  if (situation.holdout) return { kind: "skip", reason: "holdout" };
  const channelCheck = situation.channel === "email" ? emailCheck(situation) : situation.channel === "webhook" ? webhookCheck(situation) : null;
  if (channelCheck === null) return { kind: "skip", reason: "channel_unavailable" };
  if (channelCheck !== "ok") return channelCheck;
  if (situation.cartBelowMinimum) return { kind: "skip", reason: "below_min_cart_value" };
  if (situation.previousClicked) return { kind: "skip", reason: "previous_clicked" };

  // Quiet hours hold every channel (a webhook step may be a text message); the cap counts emails.
  const waits = [
    { reason: "quiet_hours" as const, until: situation.quietUntil },
    { reason: "frequency_cap" as const, until: situation.channel === "email" ? situation.cappedUntil : null },
  ].filter((wait): wait is { reason: DeferReason; until: Date } => wait.until !== null);
  const longest = waits.sort((a, b) => b.until.getTime() - a.until.getTime())[0];
  return longest ? { kind: "defer", ...longest } : { kind: "send" };
}

/** Email goes only to a reachable, consenting, unsuppressed address, with a template to render. */
function emailCheck(situation: StepSituation): StepDecision | "ok" {
  if (!situation.email) return { kind: "skip", reason: "no_email" };
  if (situation.suppression) {
    return { kind: "stop", reason: situation.suppression === "unsubscribed" ? "unsubscribed" : "suppressed" };
  }
  if (situation.consentRequired && !situation.consented) return { kind: "stop", reason: "no_consent" };
  if (!situation.templateAvailable) return { kind: "skip", reason: "template_missing" };
  return "ok";
}

/** A webhook action needs its destination, and SMS and WhatsApp ones a phone and SMS consent. */
function webhookCheck(situation: StepSituation): StepDecision | "ok" {
  const { destination } = situation;
  if (!destination) return { kind: "skip", reason: "destination_missing" };
  if (destination.needsPhone && !situation.phone) return { kind: "skip", reason: "no_phone" };
  if (destination.needsSmsConsent && !situation.smsConsented) return { kind: "skip", reason: "no_sms_consent" };
  return "ok";
}
