import type { Db } from "~/db/client.server";
import { findTemplate } from "~/models/template.server";
import { renderEmail } from "~/templates/render";
import { TemplateError } from "~/templates/template-error";
import { previewContext } from "./preview-context.server";
import { contentSource } from "./template-form";
import type { PreviewRequest, PreviewResult } from "./template-preview";

/**
 * Renders unsaved content of one of the shop's templates exactly as a send would, or places its Liquid
 * error. Null when the template or the checkout is not the shop's.
 */
export async function previewTemplate(db: Db, shop: string, templateId: number, request: PreviewRequest): Promise<PreviewResult | null> {
  if (!(await findTemplate(db, shop, templateId))) return null;
  const context = await previewContext(db, shop, request);
  if (!context) return null;
  try {
    return { ok: true, email: await renderEmail(contentSource(request.content), context) };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return { ok: false, error: { field: error.field, line: error.line, message: error.message } };
  }
}
