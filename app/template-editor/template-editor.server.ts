import type { PrismaClient } from "@prisma/client";
import type { Db } from "~/db/client.server";
import type { UiLocale } from "~/i18n/ui-locale";
import type { FieldErrors } from "~/lib/field-errors.server";
import { recentCheckoutsWithEmail } from "~/models/preview-checkout.server";
import { findShop } from "~/models/shop.server";
import { findTemplate, replaceTemplate } from "~/models/template.server";
import { contentForm, type TemplateEditorData, type TemplateForm } from "./template-form";
import { checkTemplate } from "./template-rules";

export const PREVIEW_CHECKOUTS = 20;

/** The editor's page: the template in every language, and the recent checkouts a preview can use. Null when it is not the shop's. */
export async function loadTemplateEditor(db: Db, shop: string, templateId: number): Promise<TemplateEditorData | null> {
  const template = await findTemplate(db, shop, templateId);
  if (!template) return null;
  const checkouts = await recentCheckoutsWithEmail(db, shop, PREVIEW_CHECKOUTS);
  return {
    template: editedTemplate(template),
    checkouts: checkouts.map((checkout) => ({ id: checkout.id, email: checkout.email ?? "", createdAt: checkout.shopifyCreatedAt.toISOString() })),
    timezone: (await findShop(db, shop))?.timezone ?? "UTC",
  };
}

export type SaveOutcome = { saved: EditedTemplate } | { fieldErrors: FieldErrors };

/**
 * Checks the template and saves it whole: name and languages, a language left out being removed; answers
 * with the template as stored. Null when the template is not the shop's, whatever the content.
 */
export async function saveTemplate(db: PrismaClient, shop: string, templateId: number, form: TemplateForm, locale: UiLocale): Promise<SaveOutcome | null> {
  if (!(await findTemplate(db, shop, templateId))) return null;
  const checked = await checkTemplate(form, locale);
  if ("fieldErrors" in checked) return checked;
  const saved = await db.$transaction(async (tx) => (await replaceTemplate(tx, shop, templateId, checked.template)) && findTemplate(tx, shop, templateId));
  return saved ? { saved: editedTemplate(saved) } : null;
}

type EditedTemplate = TemplateEditorData["template"];

function editedTemplate(template: NonNullable<Awaited<ReturnType<typeof findTemplate>>>): EditedTemplate {
  return {
    id: template.id,
    name: template.name,
    contents: Object.fromEntries(template.contents.map((content) => [content.locale, contentForm(content)])),
    updatedAt: template.updatedAt.toISOString(),
  };
}
