import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { createStarterTemplate, duplicateTemplate, loadTemplateList } from "~/template-editor/template-list.server";
import { validateTemplate } from "~/templates/validation";
import { resetDatabase } from "../support/database";
import { installShopWithDefaultSequence } from "../support/sequencer";

const OTHER_SHOP = "other-shop.myshopify.com";

beforeEach(async () => {
  await resetDatabase();
  await installShopWithDefaultSequence();
  await installShopWithDefaultSequence({ domain: OTHER_SHOP });
});

describe("the template list", () => {
  it("lists the shop's own templates by name, with their languages", async () => {
    const { templates, timezone } = await loadTemplateList(db, TEST_SHOP);

    expect(templates.map(({ name, locales }) => ({ name, locales }))).toEqual([
      { name: "Last call (72 hours)", locales: ["en", "ko"] },
      { name: "Reminder (1 hour)", locales: ["en", "ko"] },
      { name: "Second reminder (24 hours)", locales: ["en", "ko"] },
    ]);
    const own = await db.template.findMany({ where: { shop: TEST_SHOP }, select: { id: true } });
    expect(templates.map((template) => template.id).sort()).toEqual(own.map((template) => template.id).sort());
    expect(timezone).toBe("America/New_York");
  });

  it("creates a new template in English from the starter, valid as it stands", async () => {
    const { id } = await createStarterTemplate(db, TEST_SHOP, "ko");

    const created = await db.template.findUniqueOrThrow({ where: { id }, include: { contents: true } });
    expect(created).toMatchObject({ shop: TEST_SHOP, name: "새 템플릿" });
    expect(created.contents.map((content) => content.locale)).toEqual(["en"]);
    expect(await validateTemplate(created.contents[0]!)).toEqual([]);
  });

  it("duplicates a template with every language, and not another shop's", async () => {
    const original = await db.template.findFirstOrThrow({ where: { shop: TEST_SHOP, name: "Reminder (1 hour)" }, include: { contents: { orderBy: { locale: "asc" } } } });
    const theirs = await db.template.findFirstOrThrow({ where: { shop: OTHER_SHOP } });

    const copy = await duplicateTemplate(db, TEST_SHOP, original.id, "en");

    const stored = await db.template.findUniqueOrThrow({ where: { id: copy!.id }, include: { contents: { orderBy: { locale: "asc" } } } });
    expect(stored).toMatchObject({ shop: TEST_SHOP, name: "Copy of Reminder (1 hour)" });
    expect(stored.contents.map(({ locale, subject, html }) => ({ locale, subject, html }))).toEqual(original.contents.map(({ locale, subject, html }) => ({ locale, subject, html })));
    expect(await duplicateTemplate(db, TEST_SHOP, theirs.id, "en")).toBeNull();
    expect(await db.template.count({ where: { shop: TEST_SHOP } })).toBe(4);
  });
});
