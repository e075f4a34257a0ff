import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { followRecoveryLink } from "~/links/follow-recovery-link.server";
import { startFakeShopify, type FakeShopify } from "../doubles/fake-shopify";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload, orderPayload } from "../factories/payloads";
import { createSequence, createTemplate } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { storeOfflineSession } from "../support/sessions";
import { tickAt, useSequencer } from "../support/sequencer";

const world = useSequencer();
let shopify: FakeShopify;

beforeAll(async () => {
  shopify = await startFakeShopify({ scopes: config.scopes });
});
afterAll(() => shopify.close());
beforeEach(async () => {
  shopify.reset();
  await createShop({ quietHoursStartMinute: null, quietHoursEndMinute: null });
  const session = await storeOfflineSession();
  shopify.acceptAccessToken(TEST_SHOP, session.accessToken!);
  const template = await createTemplate({
    subject: "{{ discount.value }} off your cart",
    html: '<p>Use {{ discount.code }} before {{ discount.ends_at }}</p><a href="{{ recovery_url }}">Back</a><a href="{{ unsubscribe_url }}">u</a>',
  });
  await createSequence([{ delayMinutes: 60, templateId: template.id }]);
  await db.step.updateMany({ data: { discountKind: "percentage", discountValue: "15", discountExpiryHours: 48 } });
});

const ABANDONED_AT = Date.parse("2026-11-20T15:54:02Z");
const minutes = (count: number) => new Date(ABANDONED_AT + count * 60_000);
const html = (index = 0) => world.sendgrid.messages[index]!.body.content!.find((part) => part.type === "text/html")!.value;

async function abandonAndSendFirstStep() {
  await deliverWebhook("checkouts/create", checkoutPayload());
  await tickAt(world.services, minutes(1));
  return tickAt(world.services, minutes(61));
}

describe("a step that offers a discount", () => {
  it("creates one single-use code for the shopper in Shopify when it sends, shows it, and puts it in the recovery link", async () => {
    await abandonAndSendFirstStep();

    expect(shopify.discounts).toHaveLength(1);
    const [created] = shopify.discounts;
    expect(created?.input).toMatchObject({
      usageLimit: 1,
      appliesOncePerCustomer: true,
      context: { customers: { add: ["gid://shopify/Customer/7677484597543"] } },
    });
    const stored = await db.discountCode.findFirstOrThrow();
    expect(world.sendgrid.messages[0]?.body.subject).toBe("15% off your cart");
    expect(html()).toContain(`Use ${stored.code} before`);

    const link = /href="(https?:\/\/[^"]+\/r\/[^"]+)"/.exec(html())![1]!;
    // Clicked a minute after the send, within the code's 48 hours, whatever today's date.
    const followed = await followRecoveryLink(db, link.split("/r/")[1]!, { now: minutes(62), isClick: true });
    expect(followed.status === "redirect" && new URL(followed.location).searchParams.get("discount")).toBe(stored.code);
  });

  it("creates no code for a step that does not send", async () => {
    await deliverWebhook("checkouts/create", checkoutPayload({ buyer_accepts_marketing: false, customer: null }));
    await tickAt(world.services, minutes(1));
    await tickAt(world.services, minutes(61));

    expect(shopify.discounts).toHaveLength(0);
    expect(world.sendgrid.messages).toHaveLength(0);
  });

  it("retries the step when Shopify is throttling, and reuses the code when SendGrid fails after it was made", async () => {
    shopify.failNext({ kind: "throttled" });
    await abandonAndSendFirstStep();
    expect(await db.stepRun.findFirstOrThrow()).toMatchObject({ status: "scheduled", error: expect.stringMatching(/throttl/i) });

    world.sendgrid.respondNext({ kind: "server_error", status: 503 });
    await tickAt(world.services, (await db.stepRun.findFirstOrThrow()).dueAt);
    await tickAt(world.services, (await db.stepRun.findFirstOrThrow()).dueAt);

    expect(shopify.discounts).toHaveLength(1);
    expect(await db.discountCode.count()).toBe(1);
    expect(world.sendgrid.messages).toHaveLength(1);
  });

  it("marks the code redeemed when the order used it", async () => {
    await abandonAndSendFirstStep();
    const stored = await db.discountCode.findFirstOrThrow();
    await deliverWebhook("orders/create", orderPayload({ created_at: minutes(90).toISOString(), discount_codes: [{ code: stored.code, amount: "20.67", type: "percentage" }] }));
    expect(await db.discountCode.findFirstOrThrow()).toMatchObject({ status: "redeemed" });
  });

  it("deactivates an unused code in Shopify on the next tick after the shopper bought without it", async () => {
    await abandonAndSendFirstStep();
    await deliverWebhook("orders/create", orderPayload({ created_at: minutes(90).toISOString(), discount_codes: [] }));
    expect(await db.discountCode.findFirstOrThrow()).toMatchObject({ status: "deactivating" });

    await tickAt(world.services, minutes(95));

    expect(await db.discountCode.findFirstOrThrow()).toMatchObject({ status: "deactivated" });
    expect(shopify.discounts[0]?.status).not.toBe("ACTIVE");
  });
});
