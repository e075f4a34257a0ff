import { z } from "zod";
import type { Db } from "~/db/client.server";
import type { EmailSender } from "~/email/email-sender";
import type { UiLocale } from "~/i18n/ui-locale";
import type { FieldErrors } from "~/lib/field-errors.server";
import { findShop } from "~/models/shop.server";
import { findTemplate } from "~/models/template.server";
import { renderEmail } from "~/templates/render";
import { TemplateError } from "~/templates/template-error";
import { previewContext } from "./preview-context.server";
import { contentSource } from "./template-form";
import type { PreviewRequest } from "./template-preview";
import { contentFieldKey, liquidProblem, ruleMessage } from "./template-rules";

export interface TestSendServices {
  db: Db;
  email: EmailSender;
  /** The app-wide sender, for shops that have not set their own. */
  defaultSender: { email: string | null; name: string | null };
}

export type TestSendRequest = PreviewRequest & { to: string };

export type TestSendOutcome = { status: "sent"; to: string } | { status: "invalid"; fieldErrors: FieldErrors } | { status: "failed"; error: string };

const address = z.email().max(254);

/**
 * Sends the unsaved content, rendered as the preview shows it, to an address the merchant chose. It is
 * marked as a test in its subject and categories, and carries no enrollment or step run, so SendGrid's
 * events about it change nothing. Null when the template or the checkout is not the shop's.
 */
export async function sendTestEmail(services: TestSendServices, shop: string, templateId: number, request: TestSendRequest, locale: UiLocale): Promise<TestSendOutcome | null> {
  const { db } = services;
  const to = address.safeParse(request.to.trim());
  if (!to.success) return { status: "invalid", fieldErrors: { to: ruleMessage(locale, "emailInvalid") } };
  if (!(await findTemplate(db, shop, templateId))) return null;
  const context = await previewContext(db, shop, request);
  if (!context) return null;

  let rendered;
  try {
    rendered = await renderEmail(contentSource(request.content), context);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { status: "invalid", fieldErrors: { [contentFieldKey(request.locale, error.field)]: liquidProblem(locale, error) } };
  }

  const record = await findShop(db, shop);
  const fromEmail = record?.senderEmail ?? services.defaultSender.email;
  if (!fromEmail) return { status: "failed", error: ruleMessage(locale, "noSender") };
  const result = await services.email.send({
    to: { email: to.data },
    from: { email: fromEmail, name: record?.senderName ?? services.defaultSender.name ?? record?.name ?? shop },
    ...(record?.replyToEmail && { replyTo: { email: record.replyToEmail } }),
    subject: `[Test] ${rendered.subject}`,
    html: rendered.html,
    text: rendered.text,
    unsubscribeUrl: context.unsubscribe_url,
    categories: ["comeback", "test"],
    customArgs: { shop },
  });
  return result.status === "sent" ? { status: "sent", to: to.data } : { status: "failed", error: result.error };
}
