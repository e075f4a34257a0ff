import { describe, expect, it } from "vitest";
import { describeEntry, type WordingContext } from "~/checkouts-admin/describe-entry";
import { detailMessages } from "~/checkouts-admin/detail-messages";
import { listMessages } from "~/checkouts-admin/list-messages";
import { statusMessages } from "~/checkouts-admin/status-messages";
import type { TimelineEntry } from "~/checkouts-admin/timeline";
import { kindLabelMessages, reasonMessages, timelineWordMessages, titleMessages } from "~/checkouts-admin/timeline-messages";
import { surveyAnswerMessages } from "~/survey/survey-answer-messages";

const EN: WordingContext = { locale: "en", timezone: "America/New_York", currency: "USD" };
const KO: WordingContext = { ...EN, locale: "ko" };
const EMAIL_STEP = { position: 1, channel: "email" };

// ICU puts a narrow no-break space before "AM"; compare words, not spacing.
const plain = (wording: { title: string; lines: string[] }) => ({ title: wording.title.replace(/\s/g, " "), lines: wording.lines.map((line) => line.replace(/\s/g, " ")) });
const entry = (fields: Omit<TimelineEntry, "key" | "at">): TimelineEntry => ({ key: "k", at: "2026-11-21T02:30:00.000Z", ...fields });

describe("timeline wording", () => {
  it("says why a step waits, and until when in the shop's timezone, in English and Korean", () => {
    const deferred = entry({ kind: "step_deferred", reason: "quiet_hours", until: "2026-11-21T13:00:00.000Z", step: EMAIL_STEP });

    expect(describeEntry(deferred, EN)).toMatchObject({ label: "Postponed", tone: "warning" });
    expect(plain(describeEntry(deferred, EN))).toEqual({ title: "Step 1 email postponed", lines: ["Quiet hours. It waits until Nov 21, 2026, 8:00 AM."] });
    expect(plain(describeEntry(deferred, KO))).toEqual({ title: "1단계 이메일 발송을 미뤘어요", lines: ["방해 금지 시간이에요. 2026. 11. 21. 오전 8:00까지 기다려요."] });
  });

  it("names the step's channel and explains skips and stops in plain words", () => {
    const noConsent = describeEntry(entry({ kind: "step_skipped", reason: "no_consent", step: EMAIL_STEP }), EN);
    expect(noConsent).toEqual({
      label: "Not sent",
      tone: "warning",
      title: "Step 1 email not sent",
      lines: ["The shopper hasn't agreed to email marketing, and the shop requires consent."],
    });
    expect(describeEntry(entry({ kind: "step_skipped", reason: "destination_missing", step: { position: 2, channel: "webhook" } }), KO).title).toBe("2단계 웹훅 작업을 보내지 않았어요");
    expect(describeEntry(entry({ kind: "enrollment_stopped", reason: "manual" }), EN).lines).toEqual(["A staff member stopped it."]);
  });

  it("shows a code it has no words for, rather than hiding it", () => {
    expect(describeEntry(entry({ kind: "step_failed", reason: "brand_new_failure", step: EMAIL_STEP, error: "Upstream said no" }), EN).lines).toEqual([
      "Reason code: brand_new_failure",
      "Error: Upstream said no",
    ]);
    expect(describeEntry(entry({ kind: "step_failed", reason: "constructor", step: EMAIL_STEP }), EN).lines).toEqual(["Reason code: constructor"]);
  });

  it("keeps SendGrid's event names out of the explanation, and its bounce words in", () => {
    expect(describeEntry(entry({ kind: "opened", reason: "open", step: EMAIL_STEP }), EN)).toMatchObject({ title: "Step 1 email opened", lines: [] });
    expect(describeEntry(entry({ kind: "bounced", reason: "bounce, invalid, 5.1.1", step: EMAIL_STEP }), EN)).toMatchObject({ tone: "critical", lines: ["SendGrid said: bounce, invalid, 5.1.1"] });
  });

  it("tells a webhook Shopify delivered late from one that changed the checkout", () => {
    expect(describeEntry(entry({ kind: "webhook_received", topic: "CHECKOUTS_UPDATE", reason: "older_than_stored" }), EN)).toEqual({
      label: "Shopify update",
      tone: "warning",
      title: "Shopify reported a change (checkouts/update)",
      lines: ["It was older than what was already stored, so it changed nothing. Shopify delivered it late."],
    });
    expect(describeEntry(entry({ kind: "webhook_received", topic: "CHECKOUTS_CREATE" }), EN)).toMatchObject({ tone: undefined, lines: [] });
  });

  it("names the order and its total in its currency, and what it is credited to", () => {
    const purchased = entry({ kind: "purchased", order: { name: "#1042", totalPrice: "128.23", currency: "USD", attribution: "clicked" } });
    expect(describeEntry(purchased, EN)).toMatchObject({
      tone: "success",
      title: "Ordered: #1042, $128.23",
      lines: ["Recovered: the shopper clicked a recovery link before ordering."],
    });
    expect(describeEntry(purchased, KO).title).toBe("고객이 주문했어요: #1042, US$128.23");
  });

  it("reports each webhook attempt with its status and latency, or the lack of an answer", () => {
    const delivery = { destination: "CRM", event: "checkout.abandoned" };
    expect(describeEntry(entry({ kind: "delivery_attempt", delivery: { ...delivery, statusCode: 200, latencyMs: 42 } }), EN)).toMatchObject({
      tone: "success",
      title: "Webhook delivered to CRM",
      lines: ["HTTP 200 in 42 ms"],
    });
    expect(describeEntry(entry({ kind: "delivery_attempt", error: "timeout", delivery: { ...delivery, latencyMs: 10000 } }), EN)).toMatchObject({
      tone: "critical",
      title: "Webhook attempt to CRM failed",
      lines: ["No response after 10000 ms", "Error: timeout"],
    });
    expect(describeEntry(entry({ kind: "delivery_queued", delivery: { destination: "CRM", event: "step" } }), EN).title).toBe("Webhook queued: sequence step → CRM");
  });

  it("describes discounts with their offer and end, and survey answers in the shopper's words", () => {
    const created = entry({ kind: "discount_created", discount: { code: "COMEBACK-7", kind: "fixed_amount", value: "10.00" }, until: "2026-11-23T13:00:00.000Z" });
    expect(plain(describeEntry(created, EN))).toEqual({ title: "Discount code created: COMEBACK-7", lines: ["$10.00 off, valid until Nov 23, 2026, 8:00 AM"] });
    expect(describeEntry(entry({ kind: "survey_answered", reason: "price", previousAnswer: "shipping_cost" }), EN)).toMatchObject({
      title: "Survey answered: “The price was more than I wanted to pay”",
      lines: ["Changed from “Shipping cost more than I expected”."],
    });
  });
});

describe("the checkout pages' strings", () => {
  it("exist in Korean for every English one", () => {
    for (const messages of [reasonMessages, surveyAnswerMessages, kindLabelMessages, titleMessages, timelineWordMessages, detailMessages, listMessages, statusMessages]) {
      expect(Object.keys(messages.ko).sort()).toEqual(Object.keys(messages.en).sort());
    }
  });
});
