import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import type { OutboundEvent } from "~/outbound/outbound-events";
import { PRESETS } from "~/outbound/presets";
import type { SequencerServices } from "~/sequencer/sequencer-services";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { appUninstalledPayload, checkoutPayload, customersRedactPayload, orderPayload } from "../factories/payloads";
import { createSequence, createTemplate } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { createReceiverDestination, testHttp } from "../outbound/outbound-world";
import { activityKinds, tickAt, useSequencer } from "../support/sequencer";
import { useWebhookReceiver } from "../support/webhook-receiver";

const world = useSequencer();
let simulatedNow = new Date();
const receiver = useWebhookReceiver({ clock: () => simulatedNow });
let services: SequencerServices;

beforeEach(async () => {
  services = { ...world.services, webhookHttp: testHttp() };
  await createShop({ quietHoursStartMinute: null, quietHoursEndMinute: null, highValueThresholdMinor: 10_000n });
});

const ABANDONED_AT = Date.parse("2026-11-20T15:54:02Z");
const minutes = (count: number) => new Date(ABANDONED_AT + count * 60_000);
const tick = (at: Date) => {
  simulatedNow = at;
  return tickAt(services, at);
};
const payloads = () => receiver.accepted.map((request) => JSON.parse(request.body) as Record<string, unknown>);

/** A sequence with a 1 h email and a 2 h webhook step to a destination with the given preset. */
async function sequenceWithWebhookStep(preset: keyof typeof PRESETS, events: OutboundEvent[] = []) {
  const destination = await createReceiverDestination(receiver, { preset, payloadTemplate: PRESETS[preset].template, events });
  const template = await createTemplate();
  await createSequence([
    { delayMinutes: 60, templateId: template.id },
    { delayMinutes: 120, channel: "webhook", destinationId: destination.id },
  ]);
  return destination;
}

describe("a webhook step", () => {
  it("delivers the newest cart to its destination once, signed, under one webhook-id", async () => {
    await sequenceWithWebhookStep("crm");
    await deliverWebhook("checkouts/create", checkoutPayload());
    for (const at of [1, 61, 121, 122, 180]) await tick(minutes(at));

    expect(receiver.accepted).toHaveLength(1);
    const [delivery] = receiver.accepted;
    expect(delivery?.verified).toBe(true);
    const run = await db.stepRun.findFirstOrThrow({ where: { position: 2 } });
    expect(run).toMatchObject({ status: "sent", channel: "webhook", providerMessageId: delivery?.messageId, recipientHash: null });
    expect(JSON.stringify(payloads()[0])).toContain("ann@example.com");
  });

  it("skips an SMS or WhatsApp step for a shopper without SMS consent, or without a phone, with the reason", async () => {
    await sequenceWithWebhookStep("whatsapp");
    await deliverWebhook("checkouts/create", checkoutPayload({ buyer_accepts_sms_marketing: false, phone: "+15025550142" }));
    for (const at of [1, 61, 121]) await tick(minutes(at));

    expect(receiver.requests).toHaveLength(0);
    expect(await db.stepRun.findFirstOrThrow({ where: { position: 2 } })).toMatchObject({ status: "skipped", reason: "no_sms_consent" });
    expect(await activityKinds((await db.checkout.findFirstOrThrow()).id)).toContain("step_skipped:no_sms_consent");
  });

  it("sends a WhatsApp message to the phone in E.164 when the shopper consented", async () => {
    await sequenceWithWebhookStep("whatsapp");
    await deliverWebhook("checkouts/create", checkoutPayload({ buyer_accepts_sms_marketing: true, phone: "(502) 555-0142" }));
    for (const at of [1, 61, 121, 122]) await tick(minutes(at));

    expect(payloads()[0]).toMatchObject({ messaging_product: "whatsapp", type: "template" });
    expect(JSON.stringify(payloads()[0])).toContain("15025550142");
  });

  it("is skipped when its destination was disabled", async () => {
    const destination = await sequenceWithWebhookStep("generic");
    await db.webhookDestination.update({ where: { id: destination.id }, data: { enabled: false } });
    await deliverWebhook("checkouts/create", checkoutPayload());
    for (const at of [1, 61, 121]) await tick(minutes(at));

    expect(await db.stepRun.findFirstOrThrow({ where: { position: 2 } })).toMatchObject({ status: "skipped", reason: "destination_missing" });
  });
});

describe("events outside steps", () => {
  it("tells subscribed destinations once each that a cart was abandoned, was worth attention, and was recovered", async () => {
    await createReceiverDestination(receiver, { events: ["checkout.abandoned", "checkout.recovered", "cart.high_value"] });
    await deliverWebhook("checkouts/create", checkoutPayload(), { webhookId: "create" });
    await deliverWebhook("checkouts/create", checkoutPayload(), { webhookId: "create" });
    await tick(minutes(1));
    await tick(minutes(2));
    await db.checkout.updateMany({ data: { status: "abandoned" } });
    await deliverWebhook("orders/create", orderPayload({ created_at: minutes(30).toISOString() }));
    await tick(minutes(31));

    expect(payloads().map((payload) => payload.type)).toEqual(["checkout.abandoned", "cart.high_value", "checkout.recovered"]);
    expect(receiver.duplicateCount).toBe(0);
  });

  it("raises no high-value event below the shop's threshold", async () => {
    await db.shop.updateMany({ data: { highValueThresholdMinor: 50_000n } });
    await createReceiverDestination(receiver, { events: ["cart.high_value"] });
    await deliverWebhook("checkouts/create", checkoutPayload());
    await tick(minutes(1));
    await tick(minutes(2));

    expect(receiver.requests).toHaveLength(0);
  });
});

describe("privacy and uninstalls", () => {
  it("sends nothing more for a shop that uninstalled: its queued deliveries go to the dead-letter list", async () => {
    await createReceiverDestination(receiver, { events: ["checkout.abandoned"] });
    await deliverWebhook("checkouts/create", checkoutPayload());
    await tick(minutes(1));
    await db.webhookDelivery.updateMany({ data: { status: "pending", nextAttemptAt: minutes(5) } });
    await deliverWebhook("app/uninstalled", appUninstalledPayload());
    await tick(minutes(6));

    expect(await db.webhookDelivery.findMany({ select: { status: true, lastError: true } })).toEqual(
      expect.arrayContaining([{ status: "dead", lastError: "shop_uninstalled" }]),
    );
  });

  it("erases the shopper's details from stored payloads when Shopify asks", async () => {
    await createReceiverDestination(receiver, { events: ["checkout.abandoned"] });
    await deliverWebhook("checkouts/create", checkoutPayload());
    await tick(minutes(1));
    await tick(minutes(2));
    await deliverWebhook("customers/redact", customersRedactPayload());

    for (const delivery of await db.webhookDelivery.findMany({ where: { shop: TEST_SHOP } })) expect(delivery.payload).toBe("{}");
  });
});
