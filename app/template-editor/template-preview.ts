import type { RenderedEmail } from "~/templates/template-context";
import type { TemplateField } from "~/templates/template-error";
import type { ContentForm } from "./template-form";

/** What the editor asks the server to render: one language's unsaved content, for the sample or a stored checkout. */
export type PreviewRequest = {
  locale: string;
  content: ContentForm;
  checkoutId: number | null;
};

export type PreviewResult = { ok: true; email: RenderedEmail } | { ok: false; error: { field: TemplateField; line: number; message: string } };
