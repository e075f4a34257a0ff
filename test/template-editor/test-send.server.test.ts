import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { contentForm, type ContentForm } from "~/template-editor/template-form";
import { sendTestEmail, type TestSendRequest } from "~/template-editor/test-send.server";
import { DEFAULT_TEMPLATES } from "~/templates/default-templates";
import { createCheckout, createTemplate } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { SENDER, useSequencer } from "../support/sequencer";

const world = useSequencer();

const OTHER_SHOP = "other-shop.myshopify.com";
const content = (overrides: Partial<ContentForm> = {}) => ({ ...contentForm(DEFAULT_TEMPLATES[0]!.contents.en), ...overrides });

async function shopWithTemplate(shop: Parameters<typeof createShop>[0] = {}) {
  await createShop({ name: "Test Shop", ...shop });
  return (await createTemplate()).id;
}

function send(templateId: number, request: Partial<TestSendRequest> = {}, locale: "en" | "ko" = "en") {
  return sendTestEmail(world.services, TEST_SHOP, templateId, { to: "merchant@test-shop.example", locale: "en", content: content(), checkoutId: null, ...request }, locale);
}

/** Every row a real send would touch. */
const ledger = async () => ({
  enrollments: await db.enrollment.count(),
  stepRuns: await db.stepRun.count(),
  activities: await db.activity.count(),
  discounts: await db.discountCode.count(),
  events: await db.messageEvent.count(),
  checkouts: await db.checkout.findMany({ orderBy: { id: "asc" } }),
});

describe("sending a test email", () => {
  it("sends the rendered content to the typed address, marked as a test, and changes nothing else", async () => {
    const templateId = await shopWithTemplate({ senderName: "Test Shop Team", senderEmail: "team@test-shop.example" });
    const checkout = await createCheckout({ status: "abandoned" });
    const before = await ledger();

    const outcome = await send(templateId, { to: " merchant@test-shop.example ", content: content({ subject: "{{ customer.first_name }}, your cart" }), checkoutId: checkout.id });

    expect(outcome).toEqual({ status: "sent", to: "merchant@test-shop.example" });
    expect(world.sendgrid.messages).toHaveLength(1);
    expect(world.sendgrid.messages[0]!.body).toMatchObject({
      personalizations: [{ to: [{ email: "merchant@test-shop.example" }] }],
      from: { email: "team@test-shop.example", name: "Test Shop Team" },
      subject: "[Test] Ann, your cart",
      categories: ["comeback", "test"],
      custom_args: { shop: TEST_SHOP },
    });
    expect(world.sendgrid.messages[0]!.body.content?.find((part) => part.type === "text/html")?.value).toContain("Aviator sunglasses");
    expect(await ledger()).toEqual(before);
  });

  it("falls back to the app-wide sender and uses the sample cart without a checkout", async () => {
    const templateId = await shopWithTemplate();

    await send(templateId, { content: content({ subject: "For {{ customer.first_name }}" }) });

    expect(world.sendgrid.messages[0]!.body).toMatchObject({ from: { email: SENDER, name: "Test Shop" }, subject: "[Test] For Alex" });
  });

  it("asks for a valid address, in the admin's language, and sends nothing", async () => {
    const templateId = await shopWithTemplate();

    expect(await send(templateId, { to: "not-an-address" })).toEqual({ status: "invalid", fieldErrors: { to: "Enter an email address like you@example.com." } });
    expect(await send(templateId, { to: "" }, "ko")).toEqual({ status: "invalid", fieldErrors: { to: "you@example.com 같은 이메일 주소를 입력해 주세요." } });
    expect(world.sendgrid.requestCount).toBe(0);
  });

  it("sends nothing when the content has a Liquid error, placed in its field and line", async () => {
    const templateId = await shopWithTemplate();

    const outcome = await send(templateId, { locale: "ko", content: content({ subject: "\n{{ cart | bogus }}" }) });

    expect(outcome).toEqual({ status: "invalid", fieldErrors: { "contents.ko.subject": expect.stringMatching(/^Line 2: .*bogus/) } });
    expect(world.sendgrid.requestCount).toBe(0);
  });

  it("reports SendGrid's refusal", async () => {
    const templateId = await shopWithTemplate();
    world.sendgrid.respondNext({ kind: "bad_request", errors: [{ message: "The from address does not match a verified Sender Identity.", field: "from" }] });

    const outcome = await send(templateId);

    expect(outcome).toMatchObject({ status: "failed", error: expect.stringContaining("verified Sender Identity") });
  });

  it("says so when no sender address is set anywhere", async () => {
    const templateId = await shopWithTemplate();

    const outcome = await sendTestEmail({ ...world.services, defaultSender: { email: null, name: null } }, TEST_SHOP, templateId, { to: "merchant@test-shop.example", locale: "en", content: content(), checkoutId: null }, "en");

    expect(outcome).toEqual({ status: "failed", error: "Set a sender address in Settings before sending a test." });
    expect(world.sendgrid.requestCount).toBe(0);
  });

  it("neither uses another shop's checkout nor sends its template", async () => {
    const templateId = await shopWithTemplate();
    await createShop({ domain: OTHER_SHOP });
    const theirCheckout = await createCheckout({ shop: OTHER_SHOP });
    const theirTemplate = await db.template.create({ data: { shop: OTHER_SHOP, name: "Theirs" } });

    expect(await send(templateId, { checkoutId: theirCheckout.id })).toBeNull();
    expect(await send(theirTemplate.id)).toBeNull();
    expect(world.sendgrid.requestCount).toBe(0);
  });
});
