import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { toMinorUnits } from "~/lib/money";
import { recordEngagement } from "~/models/engagement.server";
import { publishSequenceVersion } from "~/models/sequence.server";
import { suppressAddress } from "~/models/suppression.server";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { appUninstalledPayload, checkoutPayload, customersRedactPayload } from "../factories/payloads";
import { createSequence, createTemplate, type StepSpec } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { activityKinds, tickAt, useSequencer } from "../support/sequencer";

const world = useSequencer();

// The fixture checkout is abandoned at 15:54:02Z (10:54 in New York).
const ABANDONED_AT = Date.parse("2026-11-20T15:54:02Z");
const minutesAfterAbandonment = (minutes: number) => new Date(ABANDONED_AT + minutes * 60_000);
const HOUR = 60;

interface Scenario {
  checkout?: Record<string, unknown>;
  shop?: Parameters<typeof createShop>[0];
  steps?: (templateId: number) => StepSpec[];
}

/** A shop (no quiet hours unless asked) with a two-step sequence, 1 h and 2 h, and Ann's checkout abandoned and enrolled. */
async function enrolledShopper({ checkout = {}, shop = {}, steps }: Scenario = {}) {
  await createShop({ quietHoursStartMinute: null, quietHoursEndMinute: null, ...shop });
  const template = await createTemplate();
  const sequence = await createSequence(steps?.(template.id) ?? [{ delayMinutes: HOUR, templateId: template.id }, { delayMinutes: 2 * HOUR, templateId: template.id }]);
  await deliverWebhook("checkouts/create", checkoutPayload(checkout));
  await tickAt(world.services, minutesAfterAbandonment(1));
  const stored = await db.checkout.findFirstOrThrow({ where: { token: (checkout.token as string | undefined) ?? "da4a9d115469c72cf166bfbe6c5313d1" } });
  return { sequence, template, checkoutId: stored.id };
}

const enrollment = () => db.enrollment.findFirstOrThrow();
const runs = () => db.stepRun.findMany({ orderBy: { position: "asc" }, select: { position: true, status: true, reason: true } });

describe("the send-time truth check stops the enrollment", () => {
  it("when the shopper ordered since the cart started, even if no webhook linked the order", async () => {
    const { checkoutId } = await enrolledShopper();
    await db.order.create({
      data: {
        shop: TEST_SHOP,
        shopifyId: "555",
        customerId: "7677484597543",
        email: "other-address@example.com",
        currency: "USD",
        totalPrice: "10.00",
        totalPriceMinor: 1000n,
        discountCodes: [],
        shopifyCreatedAt: minutesAfterAbandonment(30),
      },
    });

    await tickAt(world.services, minutesAfterAbandonment(HOUR + 1));

    expect(world.sendgrid.messages).toHaveLength(0);
    expect(await enrollment()).toMatchObject({ status: "stopped", stopReason: "purchased" });
    expect(await runs()).toEqual([{ position: 1, status: "skipped", reason: "purchased" }]);
    expect(await activityKinds(checkoutId)).toEqual(["webhook_received", "abandoned", "enrolled", "enrollment_stopped:purchased", "step_skipped:purchased"]);
  });

  it("but not for an order placed before the cart started", async () => {
    await enrolledShopper();
    await db.order.create({
      data: { shop: TEST_SHOP, shopifyId: "556", customerId: "7677484597543", currency: "USD", totalPrice: "10.00", totalPriceMinor: 1000n, discountCodes: [], shopifyCreatedAt: new Date("2026-11-01T00:00:00Z") },
    });

    await tickAt(world.services, minutesAfterAbandonment(HOUR + 1));

    expect(world.sendgrid.messages).toHaveLength(1);
  });

  it("when the shopper unsubscribed, or the address bounced", async () => {
    await enrolledShopper();
    await suppressAddress(db, TEST_SHOP, "ann@example.com", "unsubscribed");
    await tickAt(world.services, minutesAfterAbandonment(HOUR + 1));
    expect(await enrollment()).toMatchObject({ status: "stopped", stopReason: "unsubscribed" });

    await resetDatabase();
    await enrolledShopper();
    await suppressAddress(db, TEST_SHOP, "ann@example.com", "bounced");
    await tickAt(world.services, minutesAfterAbandonment(HOUR + 1));
    expect(await enrollment()).toMatchObject({ status: "stopped", stopReason: "suppressed" });
    expect(world.sendgrid.messages).toHaveLength(0);
  });

  it("when the shopper gave no marketing consent and the shop requires it", async () => {
    const noConsent = { buyer_accepts_marketing: false, customer: { id: 1, email: "ann@example.com", email_marketing_consent: { state: "not_subscribed" } } };
    await enrolledShopper({ checkout: noConsent });
    await tickAt(world.services, minutesAfterAbandonment(HOUR + 1));

    expect(world.sendgrid.messages).toHaveLength(0);
    expect(await enrollment()).toMatchObject({ status: "stopped", stopReason: "no_consent" });
  });

  it("sends without consent when the shop has turned the requirement off", async () => {
    await enrolledShopper({ checkout: { buyer_accepts_marketing: false, customer: null }, shop: { requireMarketingConsent: false } });
    await tickAt(world.services, minutesAfterAbandonment(HOUR + 1));

    expect(world.sendgrid.messages).toHaveLength(1);
  });

  it("when the shop uninstalled the app", async () => {
    await enrolledShopper();
    await deliverWebhook("app/uninstalled", appUninstalledPayload());
    await tickAt(world.services, minutesAfterAbandonment(HOUR + 1));

    expect(world.sendgrid.messages).toHaveLength(0);
    expect(await enrollment()).toMatchObject({ status: "stopped", stopReason: "shop_uninstalled" });
  });

  it("when the checkout completed", async () => {
    await enrolledShopper();
    const completedAt = minutesAfterAbandonment(20).toISOString();
    await deliverWebhook("checkouts/update", checkoutPayload({ updated_at: completedAt, completed_at: completedAt }));
    await tickAt(world.services, minutesAfterAbandonment(HOUR + 1));

    expect(world.sendgrid.messages).toHaveLength(0);
    expect(await enrollment()).toMatchObject({ status: "stopped", stopReason: "checkout_completed" });
  });

  it("at once when Shopify asks to erase the shopper", async () => {
    await enrolledShopper();
    await deliverWebhook("customers/redact", customersRedactPayload());

    expect(await enrollment()).toMatchObject({ status: "stopped", stopReason: "redacted" });
    expect(await runs()).toEqual([{ position: 1, status: "skipped", reason: "redacted" }]);
  });
});

describe("a step is skipped, and the sequence goes on", () => {
  it("when the checkout has only a phone number", async () => {
    const { checkoutId } = await enrolledShopper({ checkout: { email: null, customer: null, phone: "+15025550142" } });
    await tickAt(world.services, minutesAfterAbandonment(HOUR + 1));
    await tickAt(world.services, minutesAfterAbandonment(2 * HOUR + 1));

    expect(await runs()).toEqual([
      { position: 1, status: "skipped", reason: "no_email" },
      { position: 2, status: "skipped", reason: "no_email" },
    ]);
    expect(await enrollment()).toMatchObject({ status: "completed" });
    expect(await activityKinds(checkoutId)).toContain("step_skipped:no_email");
  });

  it("when the cart is below the step's minimum value", async () => {
    await enrolledShopper({
      steps: (templateId) => [
        { delayMinutes: HOUR, templateId, minCartValueMinor: toMinorUnits("200.00", "USD") },
        { delayMinutes: 2 * HOUR, templateId, minCartValueMinor: toMinorUnits("100.00", "USD") },
      ],
    });
    await tickAt(world.services, minutesAfterAbandonment(HOUR + 1));
    await tickAt(world.services, minutesAfterAbandonment(2 * HOUR + 1));

    expect(await runs()).toEqual([
      { position: 1, status: "skipped", reason: "below_min_cart_value" },
      { position: 2, status: "sent", reason: null },
    ]);
  });

  it("when the previous message was clicked and the step is only for those who did not", async () => {
    await enrolledShopper({
      shop: { frequencyCapHours: 0 },
      steps: (templateId) => [
        { delayMinutes: HOUR, templateId },
        { delayMinutes: 2 * HOUR, templateId, skipIfClicked: true },
      ],
    });
    await tickAt(world.services, minutesAfterAbandonment(HOUR + 1));
    const first = await db.stepRun.findFirstOrThrow({ where: { position: 1 } });
    await recordEngagement(db, TEST_SHOP, first.id, "clicked", minutesAfterAbandonment(HOUR + 10));
    await tickAt(world.services, minutesAfterAbandonment(2 * HOUR + 1));

    expect(await runs()).toEqual([
      { position: 1, status: "sent", reason: null },
      { position: 2, status: "skipped", reason: "previous_clicked" },
    ]);
  });

  it("when the step has no template", async () => {
    await enrolledShopper({ shop: { frequencyCapHours: 0 }, steps: (templateId) => [{ delayMinutes: HOUR, templateId: null }, { delayMinutes: 2 * HOUR, templateId }] });
    await tickAt(world.services, minutesAfterAbandonment(HOUR + 1));
    await tickAt(world.services, minutesAfterAbandonment(2 * HOUR + 1));

    expect(await runs()).toEqual([
      { position: 1, status: "skipped", reason: "template_missing" },
      { position: 2, status: "sent", reason: null },
    ]);
  });
});

describe("the holdout group", () => {
  it("is enrolled and scheduled like everyone else, but every step is skipped", async () => {
    const { checkoutId } = await enrolledShopper({ shop: { holdoutPercent: 100 } });
    await tickAt(world.services, minutesAfterAbandonment(HOUR + 1));
    await tickAt(world.services, minutesAfterAbandonment(2 * HOUR + 1));

    expect(world.sendgrid.messages).toHaveLength(0);
    expect(await enrollment()).toMatchObject({ holdout: true, status: "completed" });
    expect(await runs()).toEqual([
      { position: 1, status: "skipped", reason: "holdout" },
      { position: 2, status: "skipped", reason: "holdout" },
    ]);
    expect(await activityKinds(checkoutId)).toContain("step_skipped:holdout");
  });

  it("leaves everyone treated when the shop runs no holdout", async () => {
    await enrolledShopper({ shop: { holdoutPercent: 0 } });
    expect(await enrollment()).toMatchObject({ holdout: false });
  });
});

describe("a step waits", () => {
  it("for the frequency cap: one email per address per 16 hours, deferred rather than dropped", async () => {
    const { checkoutId } = await enrolledShopper();
    await tickAt(world.services, minutesAfterAbandonment(HOUR + 1));
    const sentAt = (await db.stepRun.findFirstOrThrow({ where: { position: 1 } })).sentAt!;

    await tickAt(world.services, minutesAfterAbandonment(2 * HOUR + 1));
    const capped = await db.stepRun.findFirstOrThrow({ where: { position: 2 } });
    expect(capped).toMatchObject({ status: "scheduled", dueAt: new Date(sentAt.getTime() + 16 * 3_600_000) });
    expect(await activityKinds(checkoutId)).toContain("step_deferred:frequency_cap");

    await tickAt(world.services, new Date(sentAt.getTime() + 16 * 3_600_000 - 60_000));
    expect(world.sendgrid.messages).toHaveLength(1);
    await tickAt(world.services, new Date(sentAt.getTime() + 16 * 3_600_000));
    expect(world.sendgrid.messages).toHaveLength(2);
  });

  it("for the end of the shop's quiet hours, in the shop's timezone", async () => {
    // Last updated 20:30 in New York: abandoned 20:40, first step due 21:40, inside 21:00–08:00.
    const evening = "2026-11-21T01:30:00Z";
    const { checkoutId } = await enrolledShopper({
      shop: { quietHoursStartMinute: 21 * 60, quietHoursEndMinute: 8 * 60, timezone: "America/New_York" },
      checkout: { created_at: evening, updated_at: evening },
    });
    await tickAt(world.services, "2026-11-21T01:41:00Z");
    await tickAt(world.services, "2026-11-21T02:41:00Z");

    expect(world.sendgrid.messages).toHaveLength(0);
    expect(await db.stepRun.findFirstOrThrow({ where: { position: 1 } })).toMatchObject({ status: "scheduled", dueAt: new Date("2026-11-21T13:00:00Z") });
    expect(await activityKinds(checkoutId)).toContain("step_deferred:quiet_hours");

    await tickAt(world.services, "2026-11-21T13:00:00Z");
    expect(world.sendgrid.messages).toHaveLength(1);
  });
});

describe("editing the sequence", () => {
  it("never resends or skips a step for shoppers already enrolled; new shoppers get the new version", async () => {
    const { sequence, template } = await enrolledShopper({ shop: { frequencyCapHours: 0 } });
    await tickAt(world.services, minutesAfterAbandonment(HOUR + 1));

    await publishSequenceVersion(db, TEST_SHOP, sequence.id, [
      { delayMinutes: 30, channel: "email", templateId: template.id },
      { delayMinutes: 5 * HOUR, channel: "email", templateId: template.id },
      { delayMinutes: 9 * HOUR, channel: "email", templateId: template.id },
    ]);
    await deliverWebhook(
      "checkouts/create",
      checkoutPayload({ token: "bob-checkout", cart_token: "bob-cart", email: "bob@example.com", customer: null }),
    );
    await tickAt(world.services, minutesAfterAbandonment(2 * HOUR + 1));
    await tickAt(world.services, minutesAfterAbandonment(10 * HOUR));
    // A step already overdue when the previous one finishes goes out on the next tick.
    await tickAt(world.services, minutesAfterAbandonment(10 * HOUR + 1));

    const stepsSentTo = (address: string) =>
      world.sendgrid.messages.filter((message) => message.body.personalizations?.[0]?.to?.[0]?.email === address).map((message) => message.body.custom_args?.step);
    expect(stepsSentTo("ann@example.com")).toEqual(["1", "2"]);
    expect(stepsSentTo("bob@example.com")).toEqual(["1", "2", "3"]);
  });
});
