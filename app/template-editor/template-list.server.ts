import type { Db } from "~/db/client.server";
import { translate } from "~/i18n/messages";
import type { UiLocale } from "~/i18n/ui-locale";
import { findShop } from "~/models/shop.server";
import { createTemplate, findTemplate, listTemplates } from "~/models/template.server";
import { DEFAULT_TEMPLATES } from "~/templates/default-templates";
import { templateListMessages } from "./template-list-messages";
import { MAX_NAME_LENGTH } from "./template-rules";

export type TemplateListItem = {
  id: number;
  name: string;
  locales: string[];
  updatedAt: string;
};

/** The shop's templates by name with their languages, and its timezone to date them in. */
export async function loadTemplateList(db: Db, shop: string): Promise<{ templates: TemplateListItem[]; timezone: string }> {
  const templates = (await listTemplates(db, shop)).map((template) => ({
    id: template.id,
    name: template.name,
    locales: template.contents.map((content) => content.locale),
    updatedAt: template.updatedAt.toISOString(),
  }));
  return { templates, timezone: (await findShop(db, shop))?.timezone ?? "UTC" };
}

/** A new template in English, starting from the default reminder so that it is valid and sendable at once. */
export async function createStarterTemplate(db: Db, shop: string, locale: UiLocale): Promise<{ id: number }> {
  const starter = DEFAULT_TEMPLATES[0]!.contents.en;
  const { id } = await createTemplate(db, shop, { name: templateListMessages[locale].starterName, contents: { en: starter } });
  return { id };
}

/** A copy of one of the shop's templates, every language included; null when it is not the shop's. */
export async function duplicateTemplate(db: Db, shop: string, templateId: number, locale: UiLocale): Promise<{ id: number } | null> {
  const original = await findTemplate(db, shop, templateId);
  if (!original) return null;
  const contents = Object.fromEntries(original.contents.map(({ locale: contentLocale, subject, preheader, html, text }) => [contentLocale, { subject, preheader, html, text }]));
  const { id } = await createTemplate(db, shop, { name: translate(templateListMessages[locale].copyName, { name: original.name }).slice(0, MAX_NAME_LENGTH), contents });
  return { id };
}
