import { z } from "zod";
import type { ContentForm, TemplateForm } from "./template-form";
import type { PreviewRequest } from "./template-preview";

// Submitted shapes. Each Liquid field is bounded above the renderer's own parse limit, so an overlong
// template is refused by validation with its message, not by the schema.
const liquid = z.string().max(600_000);

const locale = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/);

export const contentInput: z.ZodType<ContentForm> = z.object({ subject: liquid, preheader: liquid, html: liquid, text: liquid });

export const templateFormInput: z.ZodType<TemplateForm> = z.object({
  name: z.string().max(1000),
  contents: z.record(locale, contentInput),
});

export const previewInput: z.ZodType<PreviewRequest> = z.object({
  locale,
  content: contentInput,
  checkoutId: z.number().int().positive().nullable(),
});

/** What the template page posts: a save (a navigation), or a test send (a fetcher). */
export const templateActionInput = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), template: templateFormInput }),
  z.object({ intent: z.literal("sendTest"), to: z.string().max(1000), locale, content: contentInput, checkoutId: z.number().int().positive().nullable() }),
]);

/** The id in /app/templates/:id; anything else is no template of the shop's. */
export const templateIdParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
