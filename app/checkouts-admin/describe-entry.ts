import { translate, type Messages } from "~/i18n/messages";
import type { UiLocale } from "~/i18n/ui-locale";
import { formatMoney } from "~/lib/money";
import { isSurveyReason } from "~/recovery/survey-reasons";
import { formatShopTime } from "./shop-time";
import type { TimelineEntry, TimelineKind } from "./timeline";
import { surveyAnswerMessages } from "~/survey/survey-answer-messages";
import { kindLabelMessages, reasonMessages, timelineWordMessages, titleMessages, type EngineReason } from "./timeline-messages";

export interface WordingContext {
  locale: UiLocale;
  /** The shop's: every time on the page is shown in it. */
  timezone: string;
  /** The checkout's, which fixed-amount discounts are in. */
  currency: string;
}

export type EntryTone = "success" | "critical" | "warning" | "info";

export interface EntryWording {
  label: string;
  tone: EntryTone | undefined;
  title: string;
  /** Why, and what the provider or endpoint said. */
  lines: string[];
}

const TONES: Partial<Record<TimelineKind, EntryTone>> = {
  step_sent: "success",
  delivered: "success",
  opened: "success",
  clicked: "success",
  purchased: "success",
  discount_redeemed: "success",
  enrollment_completed: "success",
  step_skipped: "warning",
  step_deferred: "warning",
  step_retrying: "warning",
  step_unconfirmed: "warning",
  enrollment_stopped: "warning",
  unsubscribed: "warning",
  step_failed: "critical",
  bounced: "critical",
  dropped: "critical",
  spam_reported: "critical",
  delivery_dead: "critical",
  discount_deactivation_failed: "critical",
};

// Kinds whose reason is one of the engine's codes; other kinds carry a provider's words or an answer.
const EXPLAINED_BY_CODE = new Set<TimelineKind>(["webhook_received", "step_skipped", "step_deferred", "step_retrying", "step_failed", "enrollment_stopped", "discount_deactivation_failed"]);

function wordsIn<Key extends string>(messages: Messages<Key>, locale: UiLocale) {
  return (key: Key, params?: Record<string, string | number>) => translate(messages[locale][key], params);
}

/** Why, in plain words: an engine reason code, with the time it waits until when it has one. */
export function reasonPhrase(code: string, until: string | null | undefined, context: WordingContext): string {
  const reasons = wordsIn(reasonMessages, context.locale);
  const params = { until: until ? formatShopTime(until, context.timezone, context.locale) : "", code };
  return Object.hasOwn(reasonMessages.en, code) && code !== "unknown" ? reasons(code as EngineReason, params) : reasons("unknown", params);
}

/** "Step 2 email", "2단계 웹훅 작업". */
export function stepLabel(step: { position: number | string; channel?: string }, locale: UiLocale): string {
  const words = wordsIn(timelineWordMessages, locale);
  return words("stepLabel", { position: step.position, channel: step.channel === "webhook" ? words("channelWebhook") : words("channelEmail") });
}

/** A timeline entry in the admin's language: its badge, a sentence for what happened, and lines for why. */
export function describeEntry(entry: TimelineEntry, context: WordingContext): EntryWording {
  const { locale } = context;
  const words = wordsIn(timelineWordMessages, locale);
  const titles = wordsIn(titleMessages, locale);
  const succeeded = entry.kind === "delivery_attempt" && isSuccess(entry.delivery?.statusCode);
  const params = {
    step: stepLabel(entry.step ?? { position: "?" }, locale),
    version: entry.sequenceVersion ?? "?",
    answer: surveyAnswer(entry.reason, locale),
    order: entry.order?.name ?? words("orderWithoutName"),
    total: entry.order ? formatMoney(entry.order.totalPrice, entry.order.currency, locale) : "",
    code: entry.discount?.code ?? "",
    event: entry.delivery?.event === "step" ? words("eventStep") : entry.delivery?.event === "test" ? words("eventTest") : (entry.delivery?.event ?? ""),
    destination: entry.delivery?.destination ?? "",
  };

  let title: string;
  if (entry.kind === "webhook_received") title = titles(webhookTitle(entry.topic), params);
  else if (entry.kind === "delivery_attempt") title = titles(succeeded ? "attemptDelivered" : "attemptFailed", params);
  else title = titles(entry.kind, params);

  return {
    label: wordsIn(kindLabelMessages, locale)(entry.kind),
    tone: entry.kind === "delivery_attempt" ? (succeeded ? "success" : "critical") : entry.kind === "webhook_received" && entry.reason ? "warning" : TONES[entry.kind],
    title,
    lines: detailLines(entry, context),
  };
}

function detailLines(entry: TimelineEntry, context: WordingContext): string[] {
  const { locale, timezone, currency } = context;
  const words = wordsIn(timelineWordMessages, locale);
  const lines: string[] = [];
  if (entry.reason && EXPLAINED_BY_CODE.has(entry.kind)) lines.push(reasonPhrase(entry.reason, entry.until, context));
  if (entry.reason && (entry.kind === "bounced" || entry.kind === "dropped")) lines.push(words("providerSaid", { words: entry.reason }));
  if (entry.holdout) lines.push(words("holdout"));
  if (entry.previousAnswer) lines.push(words("previousAnswer", { answer: surveyAnswer(entry.previousAnswer, locale) }));
  if (entry.order?.attribution === "clicked") lines.push(words("attributedClick"));
  if (entry.order?.attribution === "after_email") lines.push(words("attributedAfterEmail"));
  if (entry.kind === "discount_created" && entry.discount?.value) {
    const { kind, value } = entry.discount;
    const offer = kind === "percentage" ? words("percentOff", { value }) : words("amountOff", { value: formatMoney(value, currency, locale) });
    lines.push(entry.until ? words("validUntil", { offer, until: formatShopTime(entry.until, timezone, locale) }) : offer);
  }
  if (entry.kind === "delivery_attempt" && entry.delivery) {
    const { statusCode, latencyMs = 0 } = entry.delivery;
    lines.push(statusCode === undefined ? words("noResponse", { latency: latencyMs }) : words("httpStatus", { status: statusCode, latency: latencyMs }));
  }
  if (entry.error) lines.push(words("errorSaid", { words: entry.error }));
  if (entry.kind === "delivery_dead") lines.push(words("deadLetter"));
  return lines;
}

function webhookTitle(topic: string | undefined) {
  if (topic === "CHECKOUTS_CREATE") return "checkoutCreated";
  if (topic === "CHECKOUTS_UPDATE") return "checkoutUpdated";
  if (topic === "ORDERS_CREATE") return "orderReceived";
  return "webhookReceived";
}

function surveyAnswer(reason: string | undefined, locale: UiLocale): string {
  return reason && isSurveyReason(reason) ? surveyAnswerMessages[locale][reason] : (reason ?? "");
}

function isSuccess(statusCode: number | undefined): boolean {
  return statusCode !== undefined && statusCode >= 200 && statusCode < 300;
}
