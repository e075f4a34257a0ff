/** What can happen to a checkout and its messages; every entry of the timeline is one of these. */
export type ActivityKind =
  | "webhook_received"
  | "abandoned"
  | "enrolled"
  | "joined_enrollment"
  | "step_sent"
  | "step_skipped"
  | "step_deferred"
  | "step_retrying"
  | "step_unconfirmed"
  | "step_failed"
  | "enrollment_stopped"
  | "enrollment_completed"
  | "delivered"
  | "opened"
  | "clicked"
  | "bounced"
  | "dropped"
  | "spam_reported"
  | "unsubscribed"
  | "survey_answered"
  | "banner_shown"
  | "banner_clicked"
  | "purchased"
  | "discount_created"
  | "discount_redeemed"
  | "discount_deactivated"
  | "discount_expired"
  | "discount_deactivation_failed";

/** Why an enrollment ended before its last step. */
export type StopReason =
  | "purchased"
  | "checkout_completed"
  | "unsubscribed"
  | "suppressed"
  | "no_consent"
  | "shop_uninstalled"
  | "redacted"
  | "manual";

/** Why a single step was not sent while its enrollment went on. */
export type SkipReason =
  | "holdout"
  | "no_email"
  | "no_phone"
  | "no_sms_consent"
  | "below_min_cart_value"
  | "previous_clicked"
  | "template_missing"
  | "destination_missing"
  | "channel_unavailable";

/** Why a step waits past its due time. */
export type DeferReason = "frequency_cap" | "quiet_hours";
