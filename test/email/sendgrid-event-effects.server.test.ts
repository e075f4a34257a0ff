import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { applySendgridEvents } from "~/email/sendgrid-event-effects.server";
import { suppressionFor } from "~/models/suppression.server";
import { sendgridEvent } from "../doubles/sendgrid-events";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const AT = 1795300412;
const at = (seconds: number) => new Date(seconds * 1000);

let message: Awaited<ReturnType<typeof createSentMessage>>;
let target: { stepRunId: number };

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  message = await createSentMessage();
  target = { stepRunId: message.stepRun.id };
});

const apply = (...events: unknown[]) => applySendgridEvents(db, events);
const stepRun = () => db.stepRun.findUniqueOrThrow({ where: { id: message.stepRun.id } });
const activities = () => db.activity.findMany({ orderBy: { id: "asc" } });
const enrollment = () => db.enrollment.findUniqueOrThrow({ where: { id: message.enrollment.id } });

describe("applySendgridEvents", () => {
  it("records a delivery against the step run, with a timeline entry and the event itself", async () => {
    const event = sendgridEvent("delivered", target, { timestamp: AT, response: "250 OK" });

    expect(await apply(event)).toMatchObject({ applied: 1 });

    expect((await stepRun()).deliveredAt).toEqual(at(AT));
    expect(await activities()).toEqual([
      expect.objectContaining({
        shop: TEST_SHOP,
        kind: "delivered",
        at: at(AT),
        checkoutId: message.checkout.id,
        enrollmentId: message.enrollment.id,
        stepRunId: message.stepRun.id,
        reason: "delivered",
      }),
    ]);
    expect(await db.messageEvent.findMany()).toEqual([
      expect.objectContaining({
        shop: TEST_SHOP,
        providerEventId: event.sg_event_id,
        stepRunId: message.stepRun.id,
        event: "delivered",
        url: null,
        reason: null,
        occurredAt: at(AT),
      }),
    ]);
  });

  it("records an open, which implies the delivery SendGrid may not have reported", async () => {
    await apply(sendgridEvent("open", target, { timestamp: AT, sg_machine_open: false }));

    expect(await stepRun()).toMatchObject({ deliveredAt: at(AT), firstOpenedAt: at(AT) });
    expect((await activities()).map((row) => row.kind)).toEqual(["opened"]);
  });

  it("takes an Apple Mail Privacy Protection open as proof of delivery only, stored apart from human opens", async () => {
    await apply(sendgridEvent("open", target, { timestamp: AT, sg_machine_open: true }));

    expect(await stepRun()).toMatchObject({ deliveredAt: at(AT), firstOpenedAt: null });
    expect(await activities()).toEqual([]);
    expect(await db.messageEvent.findFirstOrThrow()).toMatchObject({ event: "machine_open" });
  });

  it("records a click, keeping which link but not its query", async () => {
    const url = "https://test-shop.myshopify.com/80371122466/checkouts/ac/Z2Nw/recover?key=fb80&email=ann%40example.com";
    await apply(sendgridEvent("click", target, { timestamp: AT, url }));

    expect(await stepRun()).toMatchObject({ deliveredAt: at(AT), firstOpenedAt: at(AT), firstClickedAt: at(AT), lastClickedAt: at(AT) });
    expect((await activities()).map((row) => row.kind)).toEqual(["clicked"]);
    expect((await db.messageEvent.findFirstOrThrow()).url).toBe("https://test-shop.myshopify.com/80371122466/checkouts/ac/Z2Nw/recover");
  });

  it("suppresses the address on a hard bounce, keeping SendGrid's classification but not its free text", async () => {
    await apply(
      sendgridEvent("bounce", target, {
        timestamp: AT,
        type: "bounce",
        status: "5.1.1",
        bounce_classification: "Invalid Address",
        reason: "550 5.1.1 <ann@example.com>: Recipient address rejected",
      }),
    );

    expect((await stepRun()).bouncedAt).toEqual(at(AT));
    expect(await activities()).toEqual([expect.objectContaining({ kind: "bounced", reason: "bounce, Invalid Address, 5.1.1" })]);
    expect((await db.messageEvent.findFirstOrThrow()).reason).toBe("bounce, Invalid Address, 5.1.1");
    expect(await suppressionFor(db, TEST_SHOP, "ann@example.com")).toBe("bounced");
  });

  it("records a blocked (soft) bounce without suppressing the address", async () => {
    await apply(sendgridEvent("bounce", target, { timestamp: AT, type: "blocked", status: "4.0.0", bounce_classification: "Reputation" }));

    expect((await stepRun()).bouncedAt).toEqual(at(AT));
    expect(await activities()).toEqual([expect.objectContaining({ kind: "bounced", reason: "blocked, Reputation, 4.0.0" })]);
    expect(await suppressionFor(db, TEST_SHOP, "ann@example.com")).toBeNull();
  });

  it.each(["Bounced Address", "Unsubscribed Address", "Spam Reporting Address"])(
    "suppresses the address when SendGrid dropped the message for its own list (%s)",
    async (reason) => {
      await apply(sendgridEvent("dropped", target, { timestamp: AT, reason }));

      expect(await activities()).toEqual([expect.objectContaining({ kind: "dropped", reason })]);
      expect(await suppressionFor(db, TEST_SHOP, "ann@example.com")).toBe("dropped");
    },
  );

  it.each(["Invalid SMTPAPI header", "Spam Content (if spam checker app enabled)", "Recipient List over Package Quota"])(
    "records a drop that says nothing about the address without suppressing it (%s)",
    async (reason) => {
      await apply(sendgridEvent("dropped", target, { timestamp: AT, reason }));

      expect(await activities()).toEqual([expect.objectContaining({ kind: "dropped", reason })]);
      expect(await suppressionFor(db, TEST_SHOP, "ann@example.com")).toBeNull();
      expect(await stepRun()).toMatchObject({ deliveredAt: null, bouncedAt: null });
    },
  );

  it("keeps addresses out of a stored drop reason", async () => {
    await apply(sendgridEvent("dropped", target, { reason: "Invalid address ann@example.com" }));

    expect((await db.messageEvent.findFirstOrThrow()).reason).toBe("Invalid address [address]");
  });

  it("suppresses the address on a spam report and ends the shopper's sequence at once", async () => {
    await apply(sendgridEvent("spamreport", target, { timestamp: AT }));

    expect((await activities()).map(({ kind, reason }) => [kind, reason])).toEqual([
      ["spam_reported", "spamreport"],
      ["enrollment_stopped", "suppressed"],
    ]);
    expect(await suppressionFor(db, TEST_SHOP, "ann@example.com")).toBe("spam_report");
    expect(await enrollment()).toMatchObject({ status: "stopped", stopReason: "suppressed", endedAt: at(AT) });
  });

  it.each(["unsubscribe", "group_unsubscribe"])("suppresses the address on %s and ends the shopper's sequence at once", async (event) => {
    await apply(sendgridEvent(event, target, { timestamp: AT, asm_group_id: 42 }));

    expect((await activities()).map(({ kind, reason }) => [kind, reason])).toEqual([
      ["unsubscribed", event],
      ["enrollment_stopped", "unsubscribed"],
    ]);
    expect(await suppressionFor(db, TEST_SHOP, "ann@example.com")).toBe("unsubscribed");
    expect(await enrollment()).toMatchObject({ status: "stopped", stopReason: "unsubscribed" });
  });

  it("leaves the sequence running after a hard bounce: the shopper did not opt out, and the banner may still help", async () => {
    await apply(sendgridEvent("bounce", target, { timestamp: AT, type: "bounce", status: "5.1.1" }));

    expect(await enrollment()).toMatchObject({ status: "active" });
  });

  it("still records an opt-out event that lacks the address and ends the sequence, without suppressing anything", async () => {
    const { email: _email, ...withoutEmail } = sendgridEvent("spamreport", target);

    expect(await apply(withoutEmail)).toMatchObject({ applied: 1 });
    expect((await activities()).map((row) => row.kind)).toEqual(["spam_reported", "enrollment_stopped"]);
    expect(await db.suppression.count()).toBe(0);
  });

  it.each(["processed", "deferred", "group_resubscribe", "a_type_sendgrid_adds_later"])(
    "acknowledges %s by storing the event and nothing else",
    async (event) => {
      expect(await apply(sendgridEvent(event, target, { attempt: "1", response: "421 try later" }))).toMatchObject({ applied: 1 });

      expect(await db.messageEvent.findFirstOrThrow()).toMatchObject({ event, reason: null });
      expect(await activities()).toEqual([]);
      expect(await db.suppression.count()).toBe(0);
      expect(await stepRun()).toMatchObject({ deliveredAt: null, firstOpenedAt: null, bouncedAt: null });
    },
  );

  it("applies an event once, however often SendGrid delivers it", async () => {
    const delivered = sendgridEvent("delivered", target, { timestamp: AT });
    const later = { ...delivered, timestamp: AT + 600 };

    expect(await apply(delivered, delivered)).toMatchObject({ applied: 1, duplicate: 1 });
    expect(await apply(later)).toMatchObject({ applied: 0, duplicate: 1 });

    expect(await db.messageEvent.count()).toBe(1);
    expect(await activities()).toHaveLength(1);
    expect((await stepRun()).deliveredAt).toEqual(at(AT));
  });

  it("ignores and counts events the sequencer did not send", async () => {
    const { shop: _shop, step_run_id: _stepRunId, ...testSend } = sendgridEvent("delivered", target);
    const accountEvent = { event: "account_status_change", type: "compliance_suspend", sg_event_id: "acct-1", timestamp: AT };
    const notOurId = sendgridEvent("delivered", target, { step_run_id: "abc" });

    expect(await apply(testSend, accountEvent, notOurId)).toEqual({ applied: 0, duplicate: 0, malformed: 0, unattributed: 3, unknownStepRun: 0 });
    expect(await db.messageEvent.count()).toBe(0);
  });

  it("ignores and counts events naming a step run that does not exist", async () => {
    const outcome = await apply(sendgridEvent("delivered", { stepRunId: message.stepRun.id + 1000 }));

    expect(outcome).toMatchObject({ applied: 0, unknownStepRun: 1 });
    expect(await db.messageEvent.count()).toBe(0);
  });

  it("ignores events whose step run belongs to another shop, even for an installed shop", async () => {
    const otherShop = "other-shop.myshopify.com";
    await createShop({ domain: otherShop });

    const outcome = await apply(sendgridEvent("spamreport", { stepRunId: message.stepRun.id, shop: otherShop }));

    expect(outcome).toMatchObject({ applied: 0, unknownStepRun: 1 });
    expect(await db.messageEvent.count()).toBe(0);
    expect(await activities()).toEqual([]);
    expect(await db.suppression.count()).toBe(0);
  });

  it("ignores and counts entries that are not events, and applies the rest of the batch", async () => {
    const { sg_event_id: _id, ...withoutId } = sendgridEvent("delivered", target);
    const withoutTime = { ...sendgridEvent("delivered", target), timestamp: "yesterday" };

    const outcome = await apply("delivered", null, withoutId, withoutTime, sendgridEvent("delivered", target));

    expect(outcome).toEqual({ applied: 1, duplicate: 0, malformed: 4, unattributed: 0, unknownStepRun: 0 });
  });

  it("stores no personal data in events or the timeline", async () => {
    await apply(
      sendgridEvent("delivered", target),
      sendgridEvent("open", target, { useragent: "Mozilla/5.0", ip: "203.0.113.7" }),
      sendgridEvent("bounce", target, { type: "bounce", reason: "550 <ann@example.com> unknown" }),
      sendgridEvent("dropped", target, { reason: "Bounced Address ann@example.com" }),
      sendgridEvent("unsubscribe", target),
    );

    const stored = JSON.stringify([await db.messageEvent.findMany(), await activities()]);
    expect(stored).not.toMatch(/ann@example\.com|203\.0\.113\.7|Mozilla/);
  });
});
