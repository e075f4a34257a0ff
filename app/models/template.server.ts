import type { Db } from "~/db/client.server";
import type { TemplateSource } from "~/templates/template-context";

export interface NewTemplate {
  name: string;
  /** The Liquid source per locale ("en", "ko", …). */
  contents: Record<string, TemplateSource>;
}

export function createTemplate(db: Db, shop: string, template: NewTemplate) {
  return db.template.create({
    data: {
      shop,
      name: template.name,
      contents: { create: Object.entries(template.contents).map(([locale, source]) => ({ locale, ...source })) },
    },
  });
}

export function templateContents(db: Db, shop: string, templateId: number) {
  return db.templateContent.findMany({ where: { templateId, template: { shop } } });
}

/** The shop's template with its content in every language; null for an id that is not the shop's. */
export function findTemplate(db: Db, shop: string, templateId: number) {
  return db.template.findFirst({
    where: { id: templateId, shop },
    include: { contents: { orderBy: { locale: "asc" } } },
  });
}

/** The shop's templates by name, each with the languages it has. */
export function listTemplates(db: Db, shop: string) {
  return db.template.findMany({
    where: { shop },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, updatedAt: true, contents: { select: { locale: true }, orderBy: { locale: "asc" } } },
  });
}

/**
 * Replaces the template's name and languages with the given ones: a language left out is removed.
 * False when the shop has no such template. Steps keep pointing at the template, so the next message
 * of every version, running enrollments included, uses what is saved here.
 */
export async function replaceTemplate(db: Db, shop: string, templateId: number, template: NewTemplate): Promise<boolean> {
  const { count } = await db.template.updateMany({ where: { id: templateId, shop }, data: { name: template.name } });
  if (count === 0) return false;
  const locales = Object.keys(template.contents);
  await db.templateContent.deleteMany({ where: { templateId, template: { shop }, locale: { notIn: locales } } });
  for (const [locale, source] of Object.entries(template.contents)) {
    await db.templateContent.upsert({
      where: { templateId_locale: { templateId, locale } },
      create: { templateId, locale, ...source },
      update: source,
    });
  }
  return true;
}
