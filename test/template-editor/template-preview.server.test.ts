import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { contentForm, type ContentForm } from "~/template-editor/template-form";
import { previewTemplate } from "~/template-editor/template-preview.server";
import { DEFAULT_TEMPLATES } from "~/templates/default-templates";
import { createCheckout, createTemplate } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const OTHER_SHOP = "other-shop.myshopify.com";
const reminder = DEFAULT_TEMPLATES[0]!.contents;
const content = (overrides: Partial<ContentForm> = {}, locale: "en" | "ko" = "en") => ({ ...contentForm(reminder[locale]), ...overrides });

let templateId: number;
beforeEach(async () => {
  await resetDatabase();
  await createShop({ name: "Test Shop" });
  await createShop({ domain: OTHER_SHOP });
  templateId = (await createTemplate()).id;
});

describe("previewing a template", () => {
  it("renders unsaved content for the sample checkout, in the shop's name", async () => {
    const result = await previewTemplate(db, TEST_SHOP, templateId, { locale: "en", content: content({ subject: "{{ customer.first_name }}, {{ shop.name }} kept your cart" }), checkoutId: null });

    expect(result).toMatchObject({ ok: true, email: { subject: "Alex, Test Shop kept your cart" } });
    if (!result?.ok) throw new Error("no preview");
    expect(result.email.html).toContain("Linen Shirt");
    expect(result.email.text).toContain("Return to my cart");
  });

  it("formats the sample in the language being edited", async () => {
    const result = await previewTemplate(db, TEST_SHOP, templateId, { locale: "ko", content: content({ subject: "{{ cart.total }}" }, "ko"), checkoutId: null });

    expect(result).toMatchObject({ ok: true, email: { subject: "US$121.50" } });
  });

  it("renders with one of the shop's stored checkouts: its shopper and cart", async () => {
    const checkout = await createCheckout({ status: "abandoned" });

    const result = await previewTemplate(db, TEST_SHOP, templateId, { locale: "en", content: content({ subject: "{{ customer.first_name }}: {{ cart.total }}" }), checkoutId: checkout.id });

    expect(result).toMatchObject({ ok: true, email: { subject: "Ann: $137.77" } });
    if (!result?.ok) throw new Error("no preview");
    expect(result.email.html).toContain("Aviator sunglasses");
  });

  it("places a Liquid error in its field and line", async () => {
    const result = await previewTemplate(db, TEST_SHOP, templateId, { locale: "en", content: content({ html: "<p>\n\n{{ cart.total | frobnicate }}</p>" }), checkoutId: null });

    expect(result).toEqual({ ok: false, error: { field: "html", line: 3, message: expect.stringContaining("frobnicate") } });
  });

  it("neither reads another shop's checkout nor previews its template", async () => {
    const theirCheckout = await createCheckout({ shop: OTHER_SHOP });
    const theirTemplate = await db.template.create({ data: { shop: OTHER_SHOP, name: "Theirs" } });

    expect(await previewTemplate(db, TEST_SHOP, templateId, { locale: "en", content: content(), checkoutId: theirCheckout.id })).toBeNull();
    expect(await previewTemplate(db, TEST_SHOP, theirTemplate.id, { locale: "en", content: content(), checkoutId: null })).toBeNull();
  });
});
