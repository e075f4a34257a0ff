import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { loadCheckoutDetail } from "~/checkouts-admin/load-checkout-detail.server";
import type { TimelineEntry } from "~/checkouts-admin/timeline";
import { db } from "~/db/client.server";
import { applySendgridEvents } from "~/email/sendgrid-event-effects.server";
import { sendgridEvent } from "../doubles/sendgrid-events";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload, minutesAfterCheckoutCreated, orderPayload } from "../factories/payloads";
import { createShop } from "../factories/shop";
import { createReceiverDestination, testHttp } from "../outbound/outbound-world";
import { installShopWithDefaultSequence, tickAt, useSequencer } from "../support/sequencer";
import { useWebhookReceiver } from "../support/webhook-receiver";

const world = useSequencer();
let receiverNow = new Date();
const receiver = useWebhookReceiver({ clock: () => receiverNow });

const TOKEN = "da4a9d115469c72cf166bfbe6c5313d1";
// The fixture checkout was last updated at 15:44:02Z (10:44 in New York, the shop's timezone) and counts as abandoned ten minutes later.
const ABANDONED = "2026-11-20T15:54:02.000Z";

async function tick(at: string) {
  receiverNow = new Date(at);
  return tickAt({ ...world.services, webhookHttp: testHttp() }, at);
}

const storedCheckout = () => db.checkout.findFirstOrThrow({ where: { shop: TEST_SHOP, token: TOKEN } });
const summary = (entries: TimelineEntry[]) => entries.map((entry) => (entry.reason ? `${entry.kind}:${entry.reason}` : entry.kind));

/** Ann's checkout through the real engine: reported twice (once late), abandoned, announced to a CRM, held by quiet hours, sent, read, clicked, bought. */
async function recoveredCheckout() {
  await installShopWithDefaultSequence();
  await createReceiverDestination(receiver, { events: ["checkout.abandoned"] });
  receiver.respondNext({ kind: "status", status: 503 });

  await deliverWebhook("checkouts/create", checkoutPayload());
  await deliverWebhook("checkouts/update", checkoutPayload({ updated_at: minutesAfterCheckoutCreated(1) }));
  await tick("2026-11-20T15:55:00Z");
  // 21:30 in New York: the first email is due, and quiet hours (21:00–08:00) hold it; the CRM answers this time.
  await tick("2026-11-21T02:30:00Z");
  await tick("2026-11-21T13:01:00Z");
  const run = await db.stepRun.findFirstOrThrow({ where: { position: 1 } });
  const seconds = (iso: string) => Date.parse(iso) / 1000;
  await db.$transaction((tx) =>
    applySendgridEvents(tx, [
      sendgridEvent("delivered", { stepRunId: run.id }, { timestamp: seconds("2026-11-21T13:01:30Z") }),
      sendgridEvent("open", { stepRunId: run.id }, { timestamp: seconds("2026-11-21T13:20:00Z") }),
      sendgridEvent("click", { stepRunId: run.id }, { timestamp: seconds("2026-11-21T13:21:00Z"), url: "https://comeback.example/r/token" }),
    ]),
  );
  // The fixture order was placed at 14:15:31Z with checkout_token of this checkout.
  await deliverWebhook("orders/create", orderPayload());
  return storedCheckout();
}

describe("a checkout's page", () => {
  it("tells the engine's whole story, oldest first, with the reasons and the order that recovered it", async () => {
    const checkout = await recoveredCheckout();
    const detail = (await loadCheckoutDetail(db, TEST_SHOP, checkout.id))!;

    expect(summary(detail.timeline)).toEqual([
      "webhook_received:older_than_stored",
      "webhook_received",
      "abandoned",
      "enrolled",
      "delivery_queued",
      "delivery_attempt",
      "step_deferred:quiet_hours",
      "delivery_attempt",
      "step_sent",
      // SendGrid's own event names.
      "delivered:delivered",
      "opened:open",
      "clicked:click",
      "webhook_received",
      "purchased",
      "enrollment_stopped:purchased",
    ]);
    const entry = (kind: string, nth = 0) => detail.timeline.filter((candidate) => candidate.kind === kind)[nth]!;
    expect(entry("webhook_received", 0)).toMatchObject({ topic: "CHECKOUTS_UPDATE", at: new Date(minutesAfterCheckoutCreated(1)).toISOString() });
    expect(entry("webhook_received", 1)).toMatchObject({ topic: "CHECKOUTS_CREATE" });
    expect(entry("abandoned").at).toBe(ABANDONED);
    expect(entry("enrolled")).toMatchObject({ sequenceVersion: 1, holdout: false });
    expect(entry("delivery_queued")).toMatchObject({ delivery: { destination: "CRM", event: "checkout.abandoned" } });
    expect(entry("delivery_attempt", 0)).toMatchObject({ delivery: { destination: "CRM", statusCode: 503 } });
    expect(entry("delivery_attempt", 1)).toMatchObject({ delivery: { destination: "CRM", statusCode: 200 } });
    expect(entry("step_deferred")).toMatchObject({ step: { position: 1, channel: "email" }, until: "2026-11-21T13:00:00.000Z" });
    expect(entry("step_sent")).toMatchObject({ step: { position: 1, channel: "email" } });
    expect(entry("clicked")).toMatchObject({ step: { position: 1, channel: "email" }, at: "2026-11-21T13:21:00.000Z" });
    const order = { name: "#1042", totalPrice: "128.23", currency: "USD", attribution: "clicked" };
    expect(entry("webhook_received", 2)).toMatchObject({ topic: "ORDERS_CREATE", order });
    expect(entry("purchased")).toMatchObject({ order });
    expect(world.sendgrid.messages).toHaveLength(1);
  });

  it("shows the cart, the customer, consent, the recovery link and the enrollment", async () => {
    const checkout = await recoveredCheckout();
    const detail = (await loadCheckoutDetail(db, TEST_SHOP, checkout.id))!;

    expect(detail.timezone).toBe("America/New_York");
    expect(detail.checkout).toMatchObject({ id: checkout.id, status: "recovered", currency: "USD", subtotalPrice: "129.97", totalTax: "7.80", totalPrice: "137.77", hasRecoveryUrl: true });
    expect(detail.checkout.lines).toEqual([
      { title: "Aviator sunglasses", variantTitle: "Gold", sku: expect.anything(), quantity: 1, price: "89.99", lineTotal: "89.99" },
      { title: "Canvas tote", variantTitle: null, sku: expect.anything(), quantity: 2, price: "19.99", lineTotal: "39.98" },
    ]);
    expect(detail.customer).toMatchObject({ email: "ann@example.com", locale: "en-US" });
    expect(detail.consent).toEqual({ emailMarketing: true, emailConsentState: expect.anything(), sms: false });
    expect(detail.enrollment).toMatchObject({ status: "stopped", stopReason: "purchased", holdout: false, sequenceVersion: 1, newerCheckoutId: null, nextStep: null });
  });

  it("says a step was not sent, and the sequence stopped, because the shopper gave no consent", async () => {
    await installShopWithDefaultSequence({ quietHoursStartMinute: null, quietHoursEndMinute: null });
    await deliverWebhook("checkouts/create", checkoutPayload({ buyer_accepts_marketing: false, customer: { id: 1, email: "ann@example.com", email_marketing_consent: { state: "not_subscribed" } } }));
    await tick("2026-11-20T15:55:00Z");
    const checkout = await storedCheckout();
    const waiting = (await loadCheckoutDetail(db, TEST_SHOP, checkout.id))!;
    expect(waiting.consent).toEqual({ emailMarketing: false, emailConsentState: "not_subscribed", sms: false });
    expect(waiting.enrollment).toMatchObject({ status: "active", nextStep: { position: 1, channel: "email", dueAt: "2026-11-20T16:54:02.000Z" } });

    await tick("2026-11-20T17:00:00Z");
    const detail = (await loadCheckoutDetail(db, TEST_SHOP, checkout.id))!;
    expect(summary(detail.timeline).slice(-2)).toEqual(["enrollment_stopped:no_consent", "step_skipped:no_consent"]);
    expect(detail.enrollment).toMatchObject({ status: "stopped", stopReason: "no_consent", nextStep: null });
    expect(world.sendgrid.messages).toHaveLength(0);
  });

  it("points to the newer cart when the shopper's sequence moved on to it", async () => {
    await installShopWithDefaultSequence({ quietHoursStartMinute: null, quietHoursEndMinute: null });
    await deliverWebhook("checkouts/create", checkoutPayload());
    await tick("2026-11-20T15:55:00Z");
    const newer = "2026-11-20T16:10:00+00:00";
    await deliverWebhook("checkouts/create", checkoutPayload({ token: "newer-cart-token", cart_token: "newer-cart", created_at: newer, updated_at: newer }));
    await tick("2026-11-20T16:30:00Z");

    const first = (await loadCheckoutDetail(db, TEST_SHOP, (await storedCheckout()).id))!;
    const second = await db.checkout.findFirstOrThrow({ where: { token: "newer-cart-token" } });
    expect(first.enrollment).toMatchObject({ status: "active", newerCheckoutId: second.id });
    expect(summary((await loadCheckoutDetail(db, TEST_SHOP, second.id))!.timeline)).toEqual(["webhook_received", "abandoned", "joined_enrollment"]);
  });

  it("is another shop's only by being unknown", async () => {
    const checkout = await recoveredCheckout();
    await createShop({ domain: "other-shop.myshopify.com" });

    expect(await loadCheckoutDetail(db, "other-shop.myshopify.com", checkout.id)).toBeNull();
    expect(await loadCheckoutDetail(db, TEST_SHOP, checkout.id + 1000)).toBeNull();
  });
});
