import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { loadTemplateEditor, PREVIEW_CHECKOUTS, saveTemplate } from "~/template-editor/template-editor.server";
import { contentForm, type TemplateForm } from "~/template-editor/template-form";
import { DEFAULT_TEMPLATES } from "~/templates/default-templates";
import { createCheckout, createTemplate } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const OTHER_SHOP = "other-shop.myshopify.com";
const reminder = DEFAULT_TEMPLATES[0]!.contents;

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  await createShop({ domain: OTHER_SHOP });
});

const stored = (templateId: number) => db.template.findUniqueOrThrow({ where: { id: templateId }, include: { contents: { orderBy: { locale: "asc" } } } });

describe("loading the template editor", () => {
  it("gives the template per language, empty text standing for a generated one", async () => {
    const template = await createTemplate({ subject: "Hi {{ customer.first_name }}" });

    const editor = await loadTemplateEditor(db, TEST_SHOP, template.id);

    expect(editor?.template).toMatchObject({ id: template.id, name: "Reminder", contents: { en: { subject: "Hi {{ customer.first_name }}", preheader: "", text: "" } } });
    expect(editor?.timezone).toBe("America/New_York");
  });

  it("offers the 20 newest abandoned or open checkouts with an address, the shop's own only", async () => {
    const template = await createTemplate();
    for (let day = 1; day <= PREVIEW_CHECKOUTS + 2; day += 1) {
      await createCheckout({ email: `shopper${day}@example.com`, status: day % 2 ? "open" : "abandoned", shopifyCreatedAt: new Date(Date.UTC(2026, 10, day)) });
    }
    await createCheckout({ email: "bought@example.com", status: "completed", shopifyCreatedAt: new Date(Date.UTC(2026, 11, 1)) });
    await createCheckout({ email: null, status: "abandoned", shopifyCreatedAt: new Date(Date.UTC(2026, 11, 2)) });
    await createCheckout({ shop: OTHER_SHOP, email: "theirs@example.com", status: "abandoned", shopifyCreatedAt: new Date(Date.UTC(2026, 11, 3)) });

    const { checkouts } = (await loadTemplateEditor(db, TEST_SHOP, template.id))!;

    expect(checkouts).toHaveLength(PREVIEW_CHECKOUTS);
    expect(checkouts[0]).toMatchObject({ email: `shopper${PREVIEW_CHECKOUTS + 2}@example.com`, createdAt: "2026-11-22T00:00:00.000Z" });
    expect(checkouts.map((checkout) => checkout.email)).not.toContain("theirs@example.com");
    expect(checkouts.map((checkout) => checkout.email)).not.toContain("bought@example.com");
  });

  it("does not open another shop's template", async () => {
    const theirs = await db.template.create({ data: { shop: OTHER_SHOP, name: "Theirs" } });

    expect(await loadTemplateEditor(db, TEST_SHOP, theirs.id)).toBeNull();
  });
});

describe("saving a template", () => {
  const edited = (overrides: Partial<TemplateForm> = {}): TemplateForm => ({
    name: "Reminder, edited",
    contents: { en: { ...contentForm(reminder.en), subject: "Back for it?" }, ko: contentForm(reminder.ko) },
    ...overrides,
  });

  it("saves the name and every language, adding the ones new to it, and answers with the template as stored", async () => {
    const template = await createTemplate();

    const outcome = await saveTemplate(db, TEST_SHOP, template.id, edited(), "en");

    const saved = await stored(template.id);
    expect(outcome).toEqual({ saved: { id: template.id, name: "Reminder, edited", contents: edited().contents, updatedAt: saved.updatedAt.toISOString() } });
    expect(saved.name).toBe("Reminder, edited");
    expect(saved.contents.map(({ locale, subject, text }) => ({ locale, subject, text }))).toEqual([
      { locale: "en", subject: "Back for it?", text: null },
      { locale: "ko", subject: reminder.ko.subject, text: null },
    ]);
    expect(saved.updatedAt.getTime()).toBeGreaterThan(template.updatedAt.getTime());
  });

  it("removes a language left out", async () => {
    const template = await createTemplate();
    await saveTemplate(db, TEST_SHOP, template.id, edited(), "en");

    await saveTemplate(db, TEST_SHOP, template.id, edited({ contents: { ko: contentForm(reminder.ko) } }), "en");

    expect((await stored(template.id)).contents.map((content) => content.locale)).toEqual(["ko"]);
  });

  it("saves nothing when a field has a Liquid error, and names its line", async () => {
    const template = await createTemplate();

    const outcome = await saveTemplate(db, TEST_SHOP, template.id, edited({ contents: { en: { ...contentForm(reminder.en), preheader: "ok\n{{ shop.name | upcase" } } }), "en");

    expect(outcome).toEqual({ fieldErrors: { "contents.en.preheader": expect.stringMatching(/^Line 2: /) } });
    expect((await stored(template.id)).name).toBe("Reminder");
  });

  it("cannot save over another shop's template, whatever it is sent", async () => {
    const theirs = await db.template.create({ data: { shop: OTHER_SHOP, name: "Theirs", contents: { create: { locale: "en", ...reminder.en } } } });

    expect(await saveTemplate(db, TEST_SHOP, theirs.id, edited(), "en")).toBeNull();
    expect(await saveTemplate(db, TEST_SHOP, theirs.id, edited({ name: "" }), "en")).toBeNull();
    const unchanged = await stored(theirs.id);
    expect(unchanged.name).toBe("Theirs");
    expect(unchanged.contents.map((content) => content.locale)).toEqual(["en"]);
  });
});
