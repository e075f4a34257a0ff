import { translate } from "~/i18n/messages";
import type { CheckoutActionResult } from "./action-results";
import { detailMessages } from "./detail-messages";
import { reasonPhrase, type WordingContext } from "./describe-entry";

const SEND_OUTCOME_TOASTS = {
  sent: "toastSent",
  deferred: "toastDeferred",
  skipped: "toastSkipped",
  stopped: "toastStoppedBySend",
  failed: "toastFailed",
  retrying: "toastRetrying",
  unconfirmed: "toastUnconfirmed",
  // A worker claimed the run between our claim and our send, or right before it: it is being handled.
  lost: "toastBusy",
  busy: "toastBusy",
} as const;

/** The toast that answers a button on the checkout page: what happened, and why when it was not a send. */
export function actionToast(result: CheckoutActionResult, context: WordingContext): string {
  const messages = detailMessages[context.locale];
  if (result.intent === "stop") return messages[result.outcome === "stopped" ? "toastStopped" : "toastNotRunning"];
  if (result.outcome === "not_running") return messages.toastNotRunning;
  if (result.outcome === "nothing_scheduled") return messages.toastNothingScheduled;
  const reason = result.reason ? reasonPhrase(result.reason, result.until, context) : "";
  return translate(messages[SEND_OUTCOME_TOASTS[result.outcome]], { step: result.step, reason }).trim();
}
