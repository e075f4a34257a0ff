import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { ACCEPTANCE_WINDOW_MS, RECONCILE_GRACE_MS } from "~/sequencer/reconcile-leases.server";
import { LEASE_MS } from "~/sequencer/run-due-steps.server";
import type { ScriptedResponse } from "../doubles/sendgrid-server";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload } from "../factories/payloads";
import { createSequence, createTemplate } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { activityKinds, installShopWithDefaultSequence, tickAt, useSequencer } from "../support/sequencer";

const world = useSequencer({ timeoutMs: 500 });

const ABANDONED_AT = Date.parse("2026-11-20T15:54:02Z");
const minutes = (count: number) => new Date(ABANDONED_AT + count * 60_000);
const FIRST_DUE = 60;

/** Ann abandoned her checkout and is enrolled in a two-step sequence (1 h, 25 h) using `template`. */
async function enrolled(template?: Parameters<typeof createTemplate>[0], shop: Parameters<typeof createShop>[0] = {}) {
  await createShop({ quietHoursStartMinute: null, quietHoursEndMinute: null, ...shop });
  const { id } = await createTemplate(template);
  await createSequence([{ delayMinutes: FIRST_DUE, templateId: id }, { delayMinutes: 25 * 60, templateId: id }]);
  await deliverWebhook("checkouts/create", checkoutPayload());
  await tickAt(world.services, minutes(1));
  return (await db.checkout.findFirstOrThrow()).id;
}

const firstRun = () => db.stepRun.findFirstOrThrow({ where: { position: 1 } });

describe("sending a step through SendGrid", () => {
  it("uses the shop's sender name, address and reply-to, and carries only our ids as custom args", async () => {
    await enrolled(undefined, { senderName: "Test Shop Team", senderEmail: "team@test-shop.example", replyToEmail: "help@test-shop.example" });
    await tickAt(world.services, minutes(FIRST_DUE + 1));

    const [message] = world.sendgrid.messages;
    const run = await firstRun();
    expect(message?.body).toMatchObject({
      from: { email: "team@test-shop.example", name: "Test Shop Team" },
      reply_to: { email: "help@test-shop.example" },
      subject: "Ann, your cart is waiting",
      categories: ["comeback", "abandoned-checkout", "step-1"],
      custom_args: { shop: TEST_SHOP, enrollment_id: String(run.enrollmentId), step_run_id: String(run.id), step: "1" },
    });
    expect(JSON.stringify(message?.body.custom_args)).not.toContain("ann@example.com");
    expect(run).toMatchObject({ status: "sent", attempts: 1, providerMessageId: message?.messageId });
  });

  it("fails a step SendGrid rejects (400) at once, with SendGrid's message, and goes on with the sequence", async () => {
    const checkoutId = await enrolled();
    world.sendgrid.respondNext({ kind: "bad_request", errors: [{ message: "The from address does not match a verified Sender Identity.", field: "from" }] });
    await tickAt(world.services, minutes(FIRST_DUE + 1));

    expect(await firstRun()).toMatchObject({ status: "failed", reason: "provider_rejected", attempts: 1 });
    expect((await firstRun()).error).toContain("The from address does not match a verified Sender Identity.");
    expect(await db.stepRun.findFirst({ where: { position: 2 } })).toMatchObject({ status: "scheduled" });
    expect(await activityKinds(checkoutId)).toContain("step_failed:provider_rejected");
  });

  it("honours Retry-After on 429, then sends exactly once", async () => {
    await enrolled();
    world.sendgrid.respondNext({ kind: "rate_limited", retryAfter: "300" });
    await tickAt(world.services, minutes(FIRST_DUE + 1));

    const waiting = await firstRun();
    expect(waiting).toMatchObject({ status: "scheduled", attempts: 1 });
    expect(waiting.dueAt.getTime()).toBeGreaterThanOrEqual(minutes(FIRST_DUE + 1).getTime() + 300_000);

    await tickAt(world.services, minutes(FIRST_DUE + 5));
    expect(world.sendgrid.messages).toHaveLength(0);
    await tickAt(world.services, minutes(FIRST_DUE + 7));
    expect(world.sendgrid.messages).toHaveLength(1);
    expect(await firstRun()).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("retries 5xx answers with growing delays", async () => {
    await enrolled();
    world.sendgrid.respondNext({ kind: "server_error", status: 503 }, { kind: "server_error", status: 502 });
    await tickAt(world.services, minutes(FIRST_DUE + 1));
    const afterFirst = await firstRun();
    await tickAt(world.services, afterFirst.dueAt);
    const afterSecond = await firstRun();

    expect(afterFirst.error).toContain("503");
    expect(afterSecond.error).toContain("502");
    expect(afterSecond.dueAt.getTime() - afterFirst.dueAt.getTime()).toBeGreaterThan(afterFirst.dueAt.getTime() - minutes(FIRST_DUE + 1).getTime());

    await tickAt(world.services, afterSecond.dueAt);
    expect(await firstRun()).toMatchObject({ status: "sent", attempts: 3 });
    expect(world.sendgrid.messages).toHaveLength(1);
  });

  it("gives up on a provider that keeps failing for a day, and records why", async () => {
    const checkoutId = await enrolled();
    let at = minutes(FIRST_DUE + 1);
    for (let attempt = 0; attempt < 40 && (await firstRun()).status === "scheduled"; attempt++) {
      world.sendgrid.respondNext({ kind: "server_error", status: 500 });
      await tickAt(world.services, at);
      at = (await firstRun()).dueAt;
    }

    expect(await firstRun()).toMatchObject({ status: "failed", reason: "provider_unavailable" });
    expect(world.sendgrid.messages).toHaveLength(0);
    expect(await activityKinds(checkoutId)).toContain("step_retrying:provider_unavailable");
  });

  it("fails a step whose template has a Liquid error, naming the field and line", async () => {
    await enrolled({ html: '<p>Hi</p>\n{% if customer.first_name %}\n<a href="{{ unsubscribe_url }}">x</a>' });
    await tickAt(world.services, minutes(FIRST_DUE + 1));

    const run = await firstRun();
    expect(run).toMatchObject({ status: "failed", reason: "template_error" });
    expect(run.error).toMatch(/^html, line 2: /);
    expect(world.sendgrid.messages).toHaveLength(0);
  });

  it("fails with a clear reason when no sender address is configured anywhere", async () => {
    await enrolled();
    await tickAt({ ...world.services, defaultSender: { email: null, name: null } }, minutes(FIRST_DUE + 1));

    expect(await firstRun()).toMatchObject({ status: "failed", reason: "no_sender_address" });
  });
});

describe("the message's language", () => {
  // The default templates are written in English and Korean.
  const KOREAN_REMINDER = "(광고) Ann님, 장바구니에 담아 두신 상품이 있어요";

  async function firstReminder(customerLocale: string | null) {
    await deliverWebhook("checkouts/create", checkoutPayload({ customer_locale: customerLocale }));
    await tickAt(world.services, minutes(1));
    await tickAt(world.services, minutes(FIRST_DUE + 1));
    return world.sendgrid.messages[0]?.body;
  }

  it("is the checkout's customer_locale, matched by language", async () => {
    await installShopWithDefaultSequence();

    expect((await firstReminder("ko-KR"))?.subject).toBe(KOREAN_REMINDER);
    expect(await firstRun()).toMatchObject({ status: "sent", locale: "ko" });
  });

  it("falls back to the shop's language when the checkout has none", async () => {
    await installShopWithDefaultSequence({ locale: "ko" });

    expect((await firstReminder(null))?.subject).toBe(KOREAN_REMINDER);
    expect(await firstRun()).toMatchObject({ status: "sent", locale: "ko" });
  });
});

describe("A/B tested steps", () => {
  it("send each enrollment its variant's subject and template, and record which one went out", async () => {
    await createShop({ quietHoursStartMinute: null, quietHoursEndMinute: null });
    const control = await createTemplate({ subject: "Control subject" });
    const challenger = await createTemplate({ subject: "Challenger template subject", html: '<p>B body</p><a href="{{ unsubscribe_url }}">u</a>' });
    const sequence = await createSequence([{ delayMinutes: FIRST_DUE, templateId: control.id }]);
    const step = sequence.versions[0]!.steps[0]!;
    const [a, b] = await Promise.all([
      db.stepVariant.create({ data: { stepId: step.id, label: "A", weight: 1, subject: "Subject A for {{ customer.first_name }}" } }),
      db.stepVariant.create({ data: { stepId: step.id, label: "B", weight: 1, templateId: challenger.id } }),
    ]);
    for (let shopper = 0; shopper < 12; shopper++) {
      await deliverWebhook("checkouts/create", checkoutPayload({ token: `t${shopper}`, cart_token: `c${shopper}`, email: `s${shopper}@example.com`, customer: null }));
    }
    await tickAt(world.services, minutes(1));
    await tickAt(world.services, minutes(FIRST_DUE + 1));

    const runs = await db.stepRun.findMany({ select: { id: true, variantId: true } });
    expect(new Set(runs.map((run) => run.variantId))).toEqual(new Set([a.id, b.id]));
    for (const message of world.sendgrid.messages) {
      const run = runs.find((candidate) => String(candidate.id) === message.body.custom_args?.step_run_id)!;
      if (run.variantId === a.id) expect(message.body.subject).toBe("Subject A for Ann");
      else expect(message.body.content?.find((part) => part.type === "text/html")?.value).toContain("B body");
    }
  });
});

describe("a send SendGrid never answered", () => {
  const SENT_AT = minutes(FIRST_DUE + 1);
  const afterSend = (ms: number) => new Date(SENT_AT.getTime() + ms);

  /** The first tick at SENT_AT, with SendGrid in `condition` for all of it (a scripted answer could go to another request). */
  async function sendWhileSendgrid(condition: ScriptedResponse) {
    world.sendgrid.setOutage(condition);
    try {
      return await tickAt(world.services, SENT_AT);
    } finally {
      world.sendgrid.setOutage(null);
    }
  }

  /** SendGrid's Event Webhook reported a message processed at `occurredAt` (stored as the event route stores it). */
  async function reportedProcessed(stepRunId: number | null, occurredAt: Date) {
    await db.messageEvent.create({ data: { shop: TEST_SHOP, providerEventId: `processed-${stepRunId}-${occurredAt.getTime()}`, stepRunId, event: "processed", occurredAt } });
  }

  it("is left to SendGrid's events: neither retried nor counted as sent while they may still come", async () => {
    const checkoutId = await enrolled();
    const report = await sendWhileSendgrid({ kind: "hang" });
    await tickAt(world.services, afterSend(RECONCILE_GRACE_MS - 60_000));

    expect(report).toMatchObject({ unconfirmed: 1, retrying: 0, sent: 0 });
    const run = await firstRun();
    expect(run).toMatchObject({ status: "sending", attempts: 1, error: expect.stringMatching(/^SendGrid did not answer: ECONNABORTED/) });
    expect(world.sendgrid.requestBodies.filter((body) => body?.custom_args?.step_run_id === String(run.id))).toHaveLength(1);
    expect(await activityKinds(checkoutId)).toContain("step_unconfirmed");
  });

  it("that SendGrid took after the client gave up: its event marks it sent, and it is never sent twice", async () => {
    const checkoutId = await enrolled();
    await sendWhileSendgrid({ kind: "accept_late", afterMs: 1_000 });
    const run = await firstRun();
    await reportedProcessed(run.id, afterSend(2_000));

    const report = await tickAt(world.services, afterSend(60_000));

    expect(report).toMatchObject({ reconciled: 1 });
    const sent = await firstRun();
    expect(sent).toMatchObject({ status: "sent", attempts: 1 });
    expect(sent.sentAt).toEqual(sent.sendStartedAt);
    expect(world.sendgrid.messages).toHaveLength(1);
    expect(await activityKinds(checkoutId)).toEqual(expect.arrayContaining(["step_unconfirmed", "step_sent"]));
  });

  it("that SendGrid never took, as its events for later emails show: sent again once after the grace period", async () => {
    const checkoutId = await enrolled();
    await sendWhileSendgrid({ kind: "hang" });
    await reportedProcessed(null, afterSend(ACCEPTANCE_WINDOW_MS + 60_000));

    await tickAt(world.services, afterSend(RECONCILE_GRACE_MS - 60_000));
    expect(world.sendgrid.messages).toHaveLength(0);
    // That look renewed the lease; the run is settled by the first look after it runs out.
    const report = await tickAt(world.services, afterSend(RECONCILE_GRACE_MS + LEASE_MS));

    expect(report).toMatchObject({ reconciled: 1, sent: 1 });
    expect(await firstRun()).toMatchObject({ status: "sent", attempts: 2 });
    expect(world.sendgrid.messages).toHaveLength(1);
    expect(await activityKinds(checkoutId)).toEqual(expect.arrayContaining(["step_unconfirmed", "step_retrying:not_accepted", "step_sent"]));
  });

  it("with only events of messages SendGrid may have taken alongside it: fails as outcome unknown rather than risk a duplicate", async () => {
    const checkoutId = await enrolled();
    await sendWhileSendgrid({ kind: "hang" });
    await reportedProcessed(null, afterSend(ACCEPTANCE_WINDOW_MS - 1_000));

    await tickAt(world.services, afterSend(RECONCILE_GRACE_MS + 1_000));

    expect(await firstRun()).toMatchObject({ status: "failed", reason: "outcome_unknown", attempts: 1 });
    expect(world.sendgrid.messages).toHaveLength(0);
    expect(await activityKinds(checkoutId)).toContain("step_failed:outcome_unknown");
  });
});
