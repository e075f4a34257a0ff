import { translate } from "~/i18n/messages";
import type { UiLocale } from "~/i18n/ui-locale";
import type { FieldErrors } from "~/lib/field-errors.server";
import type { NewTemplate } from "~/models/template.server";
import type { TemplateField } from "~/templates/template-error";
import { validateTemplate, type TemplateFieldError } from "~/templates/validation";
import { contentSource, type TemplateForm } from "./template-form";
import { templateRuleMessages } from "./template-rule-messages";

export const MAX_NAME_LENGTH = 100;

export type RuleMessage = keyof (typeof templateRuleMessages)["en"];

export function ruleMessage(locale: UiLocale, message: RuleMessage, params?: Record<string, string | number>): string {
  return translate(templateRuleMessages[locale][message], params);
}

/** The key of a template field's errors: "contents.ko.html". */
export function contentFieldKey(locale: string, field: TemplateField): string {
  return `contents.${locale}.${field}`;
}

/** A Liquid problem as the field shows it, with its line when it has one. */
export function liquidProblem(locale: UiLocale, problem: Pick<TemplateFieldError, "line" | "message">): string {
  return problem.line === null ? problem.message : ruleMessage(locale, "liquidError", { line: problem.line, message: problem.message });
}

/**
 * Checks a template before it is saved: a name, at least one language, and every field of every
 * language rendering against the sample cart (validateTemplate's rules, with the line of each error).
 */
export async function checkTemplate(form: TemplateForm, locale: UiLocale): Promise<{ template: NewTemplate } | { fieldErrors: FieldErrors }> {
  const fieldErrors: FieldErrors = {};
  const name = form.name.trim();
  if (!name || name.length > MAX_NAME_LENGTH) fieldErrors.name = ruleMessage(locale, "nameRequired", { max: MAX_NAME_LENGTH });
  if (Object.keys(form.contents).length === 0) fieldErrors.contents = ruleMessage(locale, "noLocales");
  const contents = Object.fromEntries(Object.entries(form.contents).map(([contentLocale, content]) => [contentLocale, contentSource(content)]));
  for (const [contentLocale, source] of Object.entries(contents)) {
    for (const problem of await validateTemplate(source)) {
      fieldErrors[contentFieldKey(contentLocale, problem.field)] ??= liquidProblem(locale, problem);
    }
  }
  return Object.keys(fieldErrors).length > 0 ? { fieldErrors } : { template: { name, contents } };
}
