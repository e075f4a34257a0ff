import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { suppressionFor } from "~/models/suppression.server";
import { createEventSigner, eventBody, postToEventWebhook, sendgridEvent, signedEventRequest } from "../doubles/sendgrid-events";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

// The app reads its configuration once, on import: the key has to be in the environment before that.
const signer = await vi.hoisted(async () => {
  const { createEventSigner } = await import("../doubles/sendgrid-events");
  const signer = createEventSigner();
  process.env.SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY = signer.publicKey;
  return signer;
});

const AT = 1795300412;
const at = (seconds: number) => new Date(seconds * 1000);

let ann: Awaited<ReturnType<typeof createSentMessage>>;

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  ann = await createSentMessage();
});

const post = (body: object[] | string, options?: Parameters<typeof signedEventRequest>[2]) => postToEventWebhook(signedEventRequest(signer, body, options));

async function storedState() {
  return {
    events: await db.messageEvent.findMany({ orderBy: { id: "asc" } }),
    activities: await db.activity.findMany({ orderBy: { id: "asc" } }),
    suppressions: await db.suppression.findMany({ orderBy: { id: "asc" } }),
    stepRuns: await db.stepRun.findMany({ orderBy: { id: "asc" } }),
  };
}

async function expectNothingStored() {
  expect(await db.messageEvent.count()).toBe(0);
  expect(await db.activity.count()).toBe(0);
  expect(await db.suppression.count()).toBe(0);
  expect(await db.stepRun.findUniqueOrThrow({ where: { id: ann.stepRun.id } })).toMatchObject({ deliveredAt: null, bouncedAt: null });
}

describe("POST /sendgrid/events", () => {
  it("records a signed batch: engagement on the step runs, timeline entries and suppressions", async () => {
    const bea = await createSentMessage({ checkout: { email: "bea@example.com" } });
    const batch = [
      sendgridEvent("processed", { stepRunId: ann.stepRun.id }, { timestamp: AT - 5 }),
      sendgridEvent("delivered", { stepRunId: ann.stepRun.id }, { timestamp: AT }),
      sendgridEvent("open", { stepRunId: ann.stepRun.id }, { timestamp: AT + 60, sg_machine_open: false }),
      sendgridEvent("click", { stepRunId: ann.stepRun.id }, { timestamp: AT + 120, url: "https://comeback.example/r/tok" }),
      sendgridEvent("bounce", { stepRunId: bea.stepRun.id }, { email: "bea@example.com", timestamp: AT + 3, type: "bounce", status: "5.0.0", bounce_classification: "Invalid Address" }),
    ];

    const response = await post(batch);

    expect(response.status).toBe(200);
    expect(await db.stepRun.findUniqueOrThrow({ where: { id: ann.stepRun.id } })).toMatchObject({
      deliveredAt: at(AT),
      firstOpenedAt: at(AT + 60),
      firstClickedAt: at(AT + 120),
      lastClickedAt: at(AT + 120),
      bouncedAt: null,
    });
    expect(await db.stepRun.findUniqueOrThrow({ where: { id: bea.stepRun.id } })).toMatchObject({ deliveredAt: null, bouncedAt: at(AT + 3) });
    const activities = await db.activity.findMany({ orderBy: { at: "asc" } });
    expect(activities.map(({ kind, stepRunId, checkoutId, enrollmentId }) => ({ kind, stepRunId, checkoutId, enrollmentId }))).toEqual([
      { kind: "delivered", stepRunId: ann.stepRun.id, checkoutId: ann.checkout.id, enrollmentId: ann.enrollment.id },
      { kind: "bounced", stepRunId: bea.stepRun.id, checkoutId: bea.checkout.id, enrollmentId: bea.enrollment.id },
      { kind: "opened", stepRunId: ann.stepRun.id, checkoutId: ann.checkout.id, enrollmentId: ann.enrollment.id },
      { kind: "clicked", stepRunId: ann.stepRun.id, checkoutId: ann.checkout.id, enrollmentId: ann.enrollment.id },
    ]);
    expect(await db.messageEvent.count()).toBe(5);
    expect(await suppressionFor(db, TEST_SHOP, "bea@example.com")).toBe("bounced");
    expect(await suppressionFor(db, TEST_SHOP, "ann@example.com")).toBeNull();
  });

  it("acknowledges a redelivered batch without changing anything", async () => {
    const batch = [
      sendgridEvent("delivered", { stepRunId: ann.stepRun.id }, { timestamp: AT }),
      sendgridEvent("unsubscribe", { stepRunId: ann.stepRun.id }, { timestamp: AT + 60 }),
    ];
    expect((await post(batch)).status).toBe(200);
    const before = await storedState();

    const redelivery = await post(batch, { timestamp: String(AT + 3600) });

    expect(redelivery.status).toBe(200);
    expect(await storedState()).toEqual(before);
    expect(before.activities.map((entry) => entry.kind)).toEqual(["delivered", "unsubscribed", "enrollment_stopped"]);
  });

  it("counts an Apple Mail Privacy Protection open as a delivery, not as an open", async () => {
    const response = await post([sendgridEvent("open", { stepRunId: ann.stepRun.id }, { timestamp: AT, sg_machine_open: true })]);

    expect(response.status).toBe(200);
    expect(await db.stepRun.findUniqueOrThrow({ where: { id: ann.stepRun.id } })).toMatchObject({ deliveredAt: at(AT), firstOpenedAt: null });
    expect(await db.activity.count()).toBe(0);
  });

  it("acknowledges events for a step run that does not exist, and ignores them", async () => {
    const response = await post([sendgridEvent("spamreport", { stepRunId: ann.stepRun.id + 1000 })]);

    expect(response.status).toBe(200);
    await expectNothingStored();
  });

  it("ignores events claiming another shop's step run", async () => {
    const otherShop = "other-shop.myshopify.com";
    await createShop({ domain: otherShop });

    const response = await post([sendgridEvent("spamreport", { stepRunId: ann.stepRun.id, shop: otherShop })]);

    expect(response.status).toBe(200);
    await expectNothingStored();
  });

  describe("refuses with 401 and stores nothing", () => {
    const batch = () => [sendgridEvent("spamreport", { stepRunId: ann.stepRun.id })];

    it("a post signed with another key", async () => {
      const forger = createEventSigner();
      const response = await postToEventWebhook(signedEventRequest(forger, batch()));

      expect(response.status).toBe(401);
      await expectNothingStored();
    });

    it("a post without a signature", async () => {
      expect((await post(batch(), { signature: null })).status).toBe(401);
      await expectNothingStored();
    });

    it("a post without a timestamp", async () => {
      expect((await post(batch(), { withoutTimestamp: true })).status).toBe(401);
      await expectNothingStored();
    });

    it("a body changed after signing", async () => {
      const timestamp = String(AT);
      const signed = eventBody([sendgridEvent("delivered", { stepRunId: ann.stepRun.id })]);
      const tampered = signed.replace('"event":"delivered"', '"event":"spamreport"');

      const response = await post(tampered, { timestamp, signature: signer.sign(timestamp, signed) });

      expect(response.status).toBe(401);
      await expectNothingStored();
    });

    it("a signature replayed under another timestamp", async () => {
      const body = eventBody(batch());

      const response = await post(body, { timestamp: String(AT + 1), signature: signer.sign(String(AT), body) });

      expect(response.status).toBe(401);
      await expectNothingStored();
    });

    it("a body re-serialized on the way, even though its JSON is the same", async () => {
      const timestamp = String(AT);
      const events = batch();
      const reserialized = JSON.stringify(events);

      const response = await post(reserialized, { timestamp, signature: signer.sign(timestamp, eventBody(events)) });

      expect(response.status).toBe(401);
      await expectNothingStored();
    });
  });

  it.each([
    ["malformed JSON", '[{"event":"delivered",\r\n'],
    ["a JSON object instead of an array", JSON.stringify(sendgridEvent("delivered", { stepRunId: 1 }))],
    ["an empty body", ""],
  ])("answers 400 to a signed post of %s", async (_case, body) => {
    const response = await post(body);

    expect(response.status).toBe(400);
    await expectNothingStored();
  });
});
