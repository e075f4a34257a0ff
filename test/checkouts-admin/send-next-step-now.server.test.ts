import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { sendNextStepNow } from "~/checkouts-admin/send-next-step-now.server";
import { stopCheckoutSequence } from "~/checkouts-admin/stop-checkout-sequence.server";
import { db } from "~/db/client.server";
import { claimStepRun } from "~/models/step-run.server";
import { LEASE_MS } from "~/sequencer/run-due-steps.server";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload } from "../factories/payloads";
import { createShop } from "../factories/shop";
import { activityKinds, installShopWithDefaultSequence, tickAt, useSequencer } from "../support/sequencer";

const world = useSequencer();

const OTHER_SHOP = "other-shop.myshopify.com";
const clockAt = (iso: string) => () => new Date(iso);
const firstRun = () => db.stepRun.findFirstOrThrow({ where: { position: 1 } });

/** Ann's checkout abandoned and enrolled in the default sequence; its first email is due at 16:54:02Z (11:54 in New York). */
async function enrolledCheckout(shop: Parameters<typeof installShopWithDefaultSequence>[0] = { quietHoursStartMinute: null, quietHoursEndMinute: null }, checkout = {}) {
  await installShopWithDefaultSequence(shop);
  await deliverWebhook("checkouts/create", checkoutPayload(checkout));
  await tickAt(world.services, "2026-11-20T15:55:00Z");
  return db.checkout.findFirstOrThrow({ where: { shop: TEST_SHOP } });
}

describe("sending the next step now", () => {
  it("sends the scheduled email at once, through the sequencer, and schedules the step after it", async () => {
    const checkout = await enrolledCheckout();

    const result = await sendNextStepNow(world.services, TEST_SHOP, checkout.id, clockAt("2026-11-20T16:00:00Z"));

    expect(result).toEqual({ intent: "send_now", outcome: "sent", step: 1, reason: null, until: null });
    expect(world.sendgrid.messages).toHaveLength(1);
    expect(world.sendgrid.messages[0]?.body.personalizations?.[0]?.to?.[0]?.email).toBe("ann@example.com");
    expect(await firstRun()).toMatchObject({ status: "sent", sentAt: new Date("2026-11-20T16:00:00Z") });
    const next = await db.stepRun.findFirstOrThrow({ where: { position: 2 } });
    expect(next).toMatchObject({ status: "scheduled", dueAt: new Date("2026-11-21T15:54:02Z") });
    expect((await activityKinds(checkout.id)).at(-1)).toBe("step_sent");
  });

  it("still waits out quiet hours, and says until when", async () => {
    const checkout = await enrolledCheckout({});

    // 21:30 in New York, inside the default 21:00–08:00 quiet hours.
    const result = await sendNextStepNow(world.services, TEST_SHOP, checkout.id, clockAt("2026-11-21T02:30:00Z"));

    expect(result).toEqual({ intent: "send_now", outcome: "deferred", step: 1, reason: "quiet_hours", until: "2026-11-21T13:00:00.000Z" });
    expect(world.sendgrid.messages).toHaveLength(0);
    expect(await firstRun()).toMatchObject({ status: "scheduled", dueAt: new Date("2026-11-21T13:00:00Z"), leaseOwner: null });
  });

  it("still respects consent: a shopper who did not agree stops the sequence instead", async () => {
    const noConsent = { buyer_accepts_marketing: false, customer: { id: 1, email: "ann@example.com", email_marketing_consent: { state: "not_subscribed" } } };
    const checkout = await enrolledCheckout(undefined, noConsent);

    const result = await sendNextStepNow(world.services, TEST_SHOP, checkout.id, clockAt("2026-11-20T16:00:00Z"));

    expect(result).toEqual({ intent: "send_now", outcome: "stopped", step: 1, reason: "no_consent", until: null });
    expect(world.sendgrid.messages).toHaveLength(0);
    expect(await db.enrollment.findFirstOrThrow()).toMatchObject({ status: "stopped", stopReason: "no_consent" });
  });

  it("has nothing to do for a sequence that ended, or a step a worker is already sending", async () => {
    const checkout = await enrolledCheckout();
    const run = await firstRun();
    await claimStepRun(db, run, "another-worker", run.dueAt, LEASE_MS);
    expect(await sendNextStepNow(world.services, TEST_SHOP, checkout.id, clockAt("2026-11-20T17:00:00Z"))).toEqual({ intent: "send_now", outcome: "nothing_scheduled" });

    await stopCheckoutSequence(db, TEST_SHOP, checkout.id, new Date("2026-11-20T17:01:00Z"));
    expect(await sendNextStepNow(world.services, TEST_SHOP, checkout.id, clockAt("2026-11-20T17:02:00Z"))).toEqual({ intent: "send_now", outcome: "not_running" });
    expect(world.sendgrid.messages).toHaveLength(0);
  });

  it("does nothing to another shop's checkout, which it treats as unknown", async () => {
    const checkout = await enrolledCheckout();
    await createShop({ domain: OTHER_SHOP });

    expect(await sendNextStepNow(world.services, OTHER_SHOP, checkout.id, clockAt("2026-11-20T16:00:00Z"))).toBeNull();
    expect(world.sendgrid.messages).toHaveLength(0);
    expect(await firstRun()).toMatchObject({ status: "scheduled", dueAt: new Date("2026-11-20T16:54:02Z") });
  });
});
