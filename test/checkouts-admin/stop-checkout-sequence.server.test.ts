import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { stopCheckoutSequence } from "~/checkouts-admin/stop-checkout-sequence.server";
import { db } from "~/db/client.server";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload } from "../factories/payloads";
import { createShop } from "../factories/shop";
import { activityKinds, installShopWithDefaultSequence, tickAt, useSequencer } from "../support/sequencer";

const world = useSequencer();
const STOPPED_AT = new Date("2026-11-20T16:00:00Z");

async function enrolledCheckout() {
  await installShopWithDefaultSequence({ quietHoursStartMinute: null, quietHoursEndMinute: null });
  await deliverWebhook("checkouts/create", checkoutPayload());
  await tickAt(world.services, "2026-11-20T15:55:00Z");
  return db.checkout.findFirstOrThrow({ where: { shop: TEST_SHOP } });
}

describe("stopping the sequence from the checkout's page", () => {
  it("ends the enrollment as stopped by staff: its scheduled step never runs, and the timeline says so", async () => {
    const checkout = await enrolledCheckout();

    expect(await stopCheckoutSequence(db, TEST_SHOP, checkout.id, STOPPED_AT)).toEqual({ intent: "stop", outcome: "stopped" });
    await tickAt(world.services, "2026-11-20T17:00:00Z");

    expect(await db.enrollment.findFirstOrThrow()).toMatchObject({ status: "stopped", stopReason: "manual", endedAt: STOPPED_AT, activeShopperKey: null });
    expect(await db.stepRun.findMany({ select: { status: true, reason: true } })).toEqual([{ status: "skipped", reason: "manual" }]);
    expect((await activityKinds(checkout.id)).at(-1)).toBe("enrollment_stopped:manual");
    expect(world.sendgrid.messages).toHaveLength(0);
  });

  it("says there was nothing to stop when the sequence had already ended, or never started", async () => {
    const checkout = await enrolledCheckout();
    await stopCheckoutSequence(db, TEST_SHOP, checkout.id, STOPPED_AT);

    expect(await stopCheckoutSequence(db, TEST_SHOP, checkout.id, STOPPED_AT)).toEqual({ intent: "stop", outcome: "not_running" });
    expect((await activityKinds(checkout.id)).filter((kind) => kind.startsWith("enrollment_stopped"))).toHaveLength(1);

    await deliverWebhook("checkouts/create", checkoutPayload({ token: "still-open" }));
    const open = await db.checkout.findFirstOrThrow({ where: { token: "still-open" } });
    expect(await stopCheckoutSequence(db, TEST_SHOP, open.id, STOPPED_AT)).toEqual({ intent: "stop", outcome: "not_running" });
  });

  it("leaves another shop's checkout alone, treating it as unknown", async () => {
    const checkout = await enrolledCheckout();
    await createShop({ domain: "other-shop.myshopify.com" });

    expect(await stopCheckoutSequence(db, "other-shop.myshopify.com", checkout.id, STOPPED_AT)).toBeNull();
    expect(await db.enrollment.findFirstOrThrow()).toMatchObject({ status: "active" });
  });
});
