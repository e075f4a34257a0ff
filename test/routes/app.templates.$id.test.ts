import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { action, loader } from "~/routes/app.templates.$id";
import { action as previewAction } from "~/routes/app.templates.$id.preview";
import { contentForm } from "~/template-editor/template-form";
import { DEFAULT_TEMPLATES } from "~/templates/default-templates";
import { embeddedDocumentRequest } from "../doubles/shopify-session";
import { createCheckout } from "../factories/recovery";
import { resetDatabase } from "../support/database";
import { embeddedFetchRequest } from "../support/embedded-fetch";
import { installShopWithDefaultSequence } from "../support/sequencer";
import { storeOfflineSession } from "../support/sessions";

const OTHER_SHOP = "other-shop.myshopify.com";
const reminder = DEFAULT_TEMPLATES[0]!.contents;

const settle = (promise: Promise<unknown>) => promise.catch((thrown: unknown) => thrown);
const load = async (id: number | string) => settle(loader({ request: await embeddedDocumentRequest(`/app/templates/${id}`), params: { id: String(id) }, context: {} }));
const post = async (id: number, body: unknown, query = "") => settle(action({ request: await embeddedFetchRequest(`/app/templates/${id}${query}`, body), params: { id: String(id) }, context: {} }));
const preview = async (id: number, body: unknown) => settle(previewAction({ request: await embeddedFetchRequest(`/app/templates/${id}/preview`, body), params: { id: String(id) }, context: {} }));
const status = (outcome: unknown) => (outcome as Response).status;

let own: number;
let theirs: number;
beforeEach(async () => {
  await resetDatabase();
  for (const shop of [TEST_SHOP, OTHER_SHOP]) {
    await installShopWithDefaultSequence({ domain: shop, senderEmail: "team@test-shop.example" });
    await storeOfflineSession(shop);
  }
  own = (await db.template.findFirstOrThrow({ where: { shop: TEST_SHOP }, orderBy: { id: "asc" } })).id;
  theirs = (await db.template.findFirstOrThrow({ where: { shop: OTHER_SHOP }, orderBy: { id: "asc" } })).id;
});

const save = (name: string, html = reminder.en.html) => ({ intent: "save", template: { name, contents: { en: { ...contentForm(reminder.en), html } } } });

describe("/app/templates/:id", () => {
  it("loads one of the session shop's templates, and 404s for another shop's or a malformed id", async () => {
    expect(await load(own)).toMatchObject({ template: { id: own, contents: { en: { subject: reminder.en.subject }, ko: { subject: reminder.ko.subject } } } });
    expect(status(await load(theirs))).toBe(404);
    expect(status(await load("abc"))).toBe(404);
  });

  it("saves a valid template", async () => {
    expect(await post(own, save("  Gentle reminder "))).toMatchObject({ intent: "save", ok: true, template: { id: own, name: "Gentle reminder" } });
    expect((await db.template.findUniqueOrThrow({ where: { id: own } })).name).toBe("Gentle reminder");
  });

  it("answers 422 with the field and line of a Liquid error", async () => {
    const outcome = await post(own, save("Broken", `${reminder.en.html}\n{% for line in cart.line_items %}`));

    expect(outcome).toMatchObject({ init: { status: 422 }, data: { ok: false, fieldErrors: { "contents.en.html": expect.stringMatching(/^Line \d+: /) } } });
  });

  it("cannot update another shop's template: 404, and it stays as it was", async () => {
    expect(status(await post(theirs, save("Mine now")))).toBe(404);
    expect((await db.template.findUniqueOrThrow({ where: { id: theirs } })).name).toBe("Reminder (1 hour)");
  });

  it("sends a test through the configured sender and reports its refusal (no SendGrid key in tests)", async () => {
    const outcome = await post(own, { intent: "sendTest", to: "merchant@test-shop.example", locale: "en", content: contentForm(reminder.en), checkoutId: null });

    expect(outcome).toMatchObject({ init: { status: 502 }, data: { intent: "sendTest", ok: false, error: "SENDGRID_API_KEY is not set" } });
  });

  it("refuses a malformed body with 400", async () => {
    expect(status(await post(own, { intent: "publish" }))).toBe(400);
  });
});

describe("/app/templates/:id/preview", () => {
  const body = (checkoutId: number | null) => ({ locale: "en", content: { ...contentForm(reminder.en), subject: "Hi {{ customer.first_name }}" }, checkoutId });

  it("renders with the sample or one of the shop's checkouts", async () => {
    const checkout = await createCheckout({ status: "abandoned" });

    expect(await ((await preview(own, body(null))) as Response).json()).toMatchObject({ ok: true, email: { subject: "Hi Alex" } });
    expect(await ((await preview(own, body(checkout.id))) as Response).json()).toMatchObject({ ok: true, email: { subject: "Hi Ann" } });
  });

  it("404s for another shop's template or checkout", async () => {
    const theirCheckout = await createCheckout({ shop: OTHER_SHOP });

    expect(status(await preview(theirs, body(null)))).toBe(404);
    expect(status(await preview(own, body(theirCheckout.id)))).toBe(404);
  });
});
