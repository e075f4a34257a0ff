import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { loader as followLink } from "~/routes/r.$token";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload, orderPayload } from "../factories/payloads";
import { activityKinds, installShopWithDefaultSequence, tickAt, useSequencer } from "../support/sequencer";

const world = useSequencer();

// The fixture checkout was last updated at 15:44:02Z (10:44 in New York), so with the default
// 10-minute threshold it is abandoned at 15:54:02Z, and the default steps fall due 1 h, 24 h and 72 h later.
const ABANDONED_AT = "2026-11-20T15:54:02Z";
const at = (hoursAfterAbandonment: number, extraMinutes = 1) =>
  new Date(Date.parse(ABANDONED_AT) + hoursAfterAbandonment * 3_600_000 + extraMinutes * 60_000);
const TOKEN = "da4a9d115469c72cf166bfbe6c5313d1";
const checkoutByToken = (token: string) => db.checkout.findUniqueOrThrow({ where: { shop_token: { shop: TEST_SHOP, token } } });
const storedCheckout = () => checkoutByToken(TOKEN);
// The same shopper's next checkout, five hours after the first was abandoned.
const NEWER_CHECKOUT = { token: "newer-checkout", cart_token: "newer-cart", created_at: at(5).toISOString(), updated_at: at(5).toISOString() };
const newerCheckout = () => checkoutByToken(NEWER_CHECKOUT.token);
const recoveryLinkIn = (html: string) => /href="(https?:\/\/[^"]+\/r\/[^"]+)"/.exec(html)?.[1];

describe("the default sequence, end to end", () => {
  it("abandons the checkout, sends the reminders at their times, and stops the moment the shopper orders", async () => {
    await installShopWithDefaultSequence();
    await deliverWebhook("checkouts/create", checkoutPayload());

    expect((await tickAt(world.services, at(0, -1))).abandoned).toBe(0);
    expect((await tickAt(world.services, at(0))).abandoned).toBe(1);
    expect((await storedCheckout()).status).toBe("abandoned");

    await tickAt(world.services, at(1, -2));
    expect(world.sendgrid.messages).toHaveLength(0);
    expect((await tickAt(world.services, at(1))).sent).toBe(1);
    const first = world.sendgrid.messages[0]!.body;
    expect(first.personalizations?.[0]?.to?.[0]?.email).toBe("ann@example.com");
    expect(first.from?.email).toBe("hello@test-shop.example");
    expect(first.custom_args).toMatchObject({ shop: TEST_SHOP, step: "1" });
    expect(first.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(first.content?.find((part) => part.type === "text/html")?.value).toContain("Aviator sunglasses");

    await tickAt(world.services, at(24));
    expect(world.sendgrid.messages).toHaveLength(2);
    expect(world.sendgrid.messages[1]!.body.custom_args).toMatchObject({ step: "2" });

    await deliverWebhook("orders/create", orderPayload({ created_at: at(30).toISOString() }));
    await tickAt(world.services, at(72));
    await tickAt(world.services, at(96));

    expect(world.sendgrid.messages).toHaveLength(2);
    expect(await db.enrollment.findFirstOrThrow()).toMatchObject({ status: "stopped", stopReason: "purchased" });
    expect(await db.order.findFirstOrThrow()).toMatchObject({ attribution: "after_email" });
    expect(await activityKinds((await storedCheckout()).id)).toEqual([
      "webhook_received",
      "abandoned",
      "enrolled",
      "step_sent",
      "step_sent",
      "webhook_received",
      "purchased",
      "enrollment_stopped:purchased",
    ]);
  });

  it("attributes the order to the step whose recovery link was clicked", async () => {
    await installShopWithDefaultSequence();
    await deliverWebhook("checkouts/create", checkoutPayload());
    await tickAt(world.services, at(0));
    await tickAt(world.services, at(1));
    const link = recoveryLinkIn(world.sendgrid.messages[0]!.body.content!.find((part) => part.type === "text/html")!.value)!;
    const token = link.split("/r/")[1]!;

    const redirect = await followLink({ request: new Request(link), params: { token }, context: {} });
    // The link records the click at the real time; the order comes a minute later.
    await deliverWebhook("orders/create", orderPayload({ created_at: new Date(Date.now() + 60_000).toISOString() }));

    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("Location")).toContain("utm_source=comeback");
    const run = await db.stepRun.findFirstOrThrow({ where: { position: 1 } });
    expect(await db.order.findFirstOrThrow()).toMatchObject({ attribution: "clicked", attributedStepRunId: run.id });
  });

  it("completes the enrollment after the last step when the shopper never orders", async () => {
    await installShopWithDefaultSequence();
    await deliverWebhook("checkouts/create", checkoutPayload());
    for (const hours of [0, 1, 24, 72]) await tickAt(world.services, at(hours));

    expect(world.sendgrid.messages.map((message) => message.body.custom_args?.step)).toEqual(["1", "2", "3"]);
    expect(await db.enrollment.findFirstOrThrow()).toMatchObject({ status: "completed", activeShopperKey: null });
  });
});

describe("one enrollment per shopper", () => {
  it("adds a newer checkout of the same shopper to the running enrollment, and later emails show its cart", async () => {
    await installShopWithDefaultSequence();
    await deliverWebhook("checkouts/create", checkoutPayload());
    await tickAt(world.services, at(0));
    await tickAt(world.services, at(1));

    const newerCart = {
      ...NEWER_CHECKOUT,
      line_items: [{ title: "Leather weekender", variant_title: "Tan", quantity: 1, price: "240.00", line_price: "240.00", variant_id: 1, product_id: 2 }],
      total_price: "240.00",
      subtotal_price: "240.00",
    };
    await deliverWebhook("checkouts/create", checkoutPayload(newerCart));
    await tickAt(world.services, at(5, 11));
    await tickAt(world.services, at(24));

    expect(await db.enrollment.count()).toBe(1);
    const second = world.sendgrid.messages[1]!.body.content!.find((part) => part.type === "text/html")!.value;
    expect(second).toContain("Leather weekender");
    expect(second).not.toContain("Aviator sunglasses");
  });

  it("adds a newer checkout of the same customer under another email to the running enrollment", async () => {
    await installShopWithDefaultSequence();
    await deliverWebhook("checkouts/create", checkoutPayload());
    await tickAt(world.services, at(0));
    await deliverWebhook("checkouts/create", checkoutPayload({ ...NEWER_CHECKOUT, email: "ann.lee@work.example" }));
    await tickAt(world.services, at(5, 11));

    const enrollment = await db.enrollment.findFirstOrThrow();
    expect(await db.enrollment.count()).toBe(1);
    expect(await newerCheckout()).toMatchObject({ id: enrollment.checkoutId, status: "abandoned", email: "ann.lee@work.example", enrollmentId: enrollment.id });
  });

  it("adds a newer checkout of a shopper known only by phone to the running enrollment", async () => {
    await installShopWithDefaultSequence();
    const phoneOnly = { email: null, customer: null, phone: "+15025550142" };
    await deliverWebhook("checkouts/create", checkoutPayload(phoneOnly));
    await tickAt(world.services, at(0));
    await deliverWebhook("checkouts/create", checkoutPayload({ ...phoneOnly, ...NEWER_CHECKOUT }));
    await tickAt(world.services, at(5, 11));

    const enrollment = await db.enrollment.findFirstOrThrow();
    expect(await db.enrollment.count()).toBe(1);
    expect(await newerCheckout()).toMatchObject({ id: enrollment.checkoutId, status: "abandoned", abandonCheckAt: null, enrollmentId: enrollment.id });
  });

  it("adds a newer checkout to the enrollment keyed by its email, though the enrolled checkout's email changed since", async () => {
    await installShopWithDefaultSequence();
    await deliverWebhook("checkouts/create", checkoutPayload({ customer: null }));
    await tickAt(world.services, at(0));
    await deliverWebhook("checkouts/update", checkoutPayload({ customer: null, email: "ann.lee@example.com", updated_at: at(2).toISOString() }));
    await deliverWebhook("checkouts/create", checkoutPayload({ customer: null, ...NEWER_CHECKOUT }));
    await tickAt(world.services, at(5, 11));

    const enrollment = await db.enrollment.findFirstOrThrow();
    expect(await db.enrollment.count()).toBe(1);
    expect(await newerCheckout()).toMatchObject({ status: "abandoned", enrollmentId: enrollment.id });
  });

  it("sends nothing twice when Shopify redelivers webhooks", async () => {
    await installShopWithDefaultSequence();
    await deliverWebhook("checkouts/create", checkoutPayload(), { webhookId: "create-1" });
    await deliverWebhook("checkouts/create", checkoutPayload(), { webhookId: "create-1" });
    await tickAt(world.services, at(0));
    await deliverWebhook("checkouts/update", checkoutPayload(), { webhookId: "update-late" });
    await deliverWebhook("checkouts/update", checkoutPayload(), { webhookId: "update-late" });
    await tickAt(world.services, at(0, 11));
    await tickAt(world.services, at(1));
    await tickAt(world.services, at(1, 5));

    expect(await db.enrollment.count()).toBe(1);
    expect(world.sendgrid.messages).toHaveLength(1);
  });
});

describe("a batch of due steps", () => {
  it("still sends one shop's email when another shop's data makes the batch's shared read fail", async () => {
    const BROKEN_SHOP = "broken-timezone.myshopify.com";
    await installShopWithDefaultSequence();
    await installShopWithDefaultSequence({ domain: BROKEN_SHOP });
    await deliverWebhook("checkouts/create", checkoutPayload());
    await deliverWebhook("checkouts/create", checkoutPayload({ email: "bea@example.com" }), { shop: BROKEN_SHOP });
    await tickAt(world.services, at(0));
    // Corrupted after abandonment: the quiet-hours check of its step throws on it.
    await db.shop.update({ where: { domain: BROKEN_SHOP }, data: { timezone: "Not/A_Zone" } });

    const report = await tickAt(world.services, at(1));

    expect(report).toMatchObject({ sent: 1, retrying: 1 });
    expect(world.sendgrid.messages.map((message) => message.body.custom_args?.shop)).toEqual([TEST_SHOP]);
  });
});

describe("concurrency", () => {
  it("never sends a step twice when two sequencers tick at once on one database", async () => {
    await installShopWithDefaultSequence();
    for (let shopper = 0; shopper < 25; shopper++) {
      await deliverWebhook(
        "checkouts/create",
        checkoutPayload({ token: `checkout-${shopper}`, cart_token: `cart-${shopper}`, email: `shopper${shopper}@example.com`, customer: null }),
      );
    }
    await tickAt(world.services, at(0));

    const [a, b] = await Promise.all([
      tickAt({ ...world.services, workerId: "worker-a" }, at(1)),
      tickAt({ ...world.services, workerId: "worker-b" }, at(1)),
    ]);

    expect(a.sent + b.sent, JSON.stringify({ a, b })).toBe(25);
    expect(world.sendgrid.messages).toHaveLength(25);
    expect(new Set(world.sendgrid.messages.map((message) => message.body.custom_args?.step_run_id)).size).toBe(25);
  });
});
