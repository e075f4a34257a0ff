import { renderLiquid } from "~/templates/liquid-sandbox";
import { buildSampleContext, SAMPLE_UNSUBSCRIBE_URL } from "~/templates/sample-context";
import type { TemplateSource } from "~/templates/template-context";
import { TEMPLATE_FIELDS, TemplateError, type TemplateField } from "~/templates/template-error";

/** One problem with a template, for the editor to show under its field; line is null for whole-field rules. */
export interface TemplateFieldError {
  field: TemplateField;
  line: number | null;
  message: string;
}

/** Renders each field against the sample cart; an empty array means the template can be saved. */
export async function validateTemplate(source: TemplateSource): Promise<TemplateFieldError[]> {
  const context = buildSampleContext();
  const errors: TemplateFieldError[] = [];
  for (const field of TEMPLATE_FIELDS) {
    const template = source[field];
    if (template === null) continue;
    try {
      const output = await renderLiquid(field, template, context);
      const problem = brokenRule(field, output);
      if (problem) errors.push({ field, line: null, message: problem });
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      errors.push({ field, line: error.line, message: error.message });
    }
  }
  return errors;
}

function brokenRule(field: TemplateField, output: string): string | undefined {
  if (field === "subject" && !output.trim()) return "The subject is empty.";
  if (field !== "html") return undefined;
  if (!output.trim()) return "The HTML is empty.";
  // Checked on the rendered sample, so a link commented out or behind a false condition does not count.
  if (!output.includes(SAMPLE_UNSUBSCRIBE_URL)) {
    return "Add {{ unsubscribe_url }} to the HTML: every recovery email must let the shopper unsubscribe.";
  }
  return undefined;
}
