import type { TemplateSource } from "~/templates/template-context";

/** The languages the editor offers to add; a template may hold others, which it keeps and shows too. */
export const EDITOR_LOCALES = ["en", "ko"] as const;

// Type aliases, not interfaces, so they are JSON values to Remix's submit.
/** One language of a template as the editor holds it: an empty text part is generated from the HTML. */
export type ContentForm = {
  subject: string;
  preheader: string;
  html: string;
  text: string;
};

export type TemplateForm = {
  name: string;
  /** Per locale ("en", "ko"). */
  contents: Record<string, ContentForm>;
};

export function contentForm(source: TemplateSource): ContentForm {
  return { subject: source.subject, preheader: source.preheader, html: source.html, text: source.text ?? "" };
}

export function contentSource(form: ContentForm): TemplateSource {
  return { subject: form.subject, preheader: form.preheader, html: form.html, text: form.text.trim() ? form.text : null };
}

/** The template's languages in tab order: the editor's own first, then any other it holds. */
export function orderedLocales(contents: Record<string, unknown>): string[] {
  const held = Object.keys(contents);
  return [...EDITOR_LOCALES.filter((locale) => held.includes(locale)), ...held.filter((locale) => !(EDITOR_LOCALES as readonly string[]).includes(locale)).sort()];
}

/** A recent checkout the preview can use instead of the sample cart. */
export type PreviewCheckout = {
  id: number;
  email: string;
  createdAt: string;
};

export interface TemplateEditorData {
  template: { id: number; name: string; contents: Record<string, ContentForm>; updatedAt: string };
  checkouts: PreviewCheckout[];
  /** The shop's timezone, for showing checkout dates the same on the server and in the browser. */
  timezone: string;
}
