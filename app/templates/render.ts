import { inlineTemplateCss } from "~/templates/inline-css";
import { renderLiquid } from "~/templates/liquid-sandbox";
import { htmlToPlainText } from "~/templates/plain-text";
import { withPreheader } from "~/templates/preheader";
import type { RenderedEmail, TemplateContext, TemplateSource } from "~/templates/template-context";
import { TemplateError } from "~/templates/template-error";

/** Renders every part of a recovery email; throws a TemplateError naming the field and line that failed. */
export async function renderEmail(source: TemplateSource, context: TemplateContext): Promise<RenderedEmail> {
  const subject = singleLine(await renderLiquid("subject", source.subject, context));
  const preheader = singleLine(await renderLiquid("preheader", source.preheader, context));
  const html = await renderHtml(source.html, context);
  const text = source.text === null ? htmlToPlainText(html) : await renderLiquid("text", source.text, context);
  return { subject, preheader, html: withPreheader(html, preheader), text };
}

async function renderHtml(source: string, context: TemplateContext): Promise<string> {
  try {
    return await renderLiquid("html", inlineTemplateCss(source), context);
  } catch (error) {
    // Inlining moves lines (the <style> block goes), and an error must point at the line the marketer wrote.
    if (error instanceof TemplateError) await renderLiquid("html", source, context);
    throw error;
  }
}

// Liquid tags leave line breaks behind, and a line break has no place in a subject header or a preview line.
function singleLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
