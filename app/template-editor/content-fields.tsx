import { FormLayout, TextField } from "@shopify/polaris";
import { useMessages } from "~/i18n/use-messages";
import type { TemplateField } from "~/templates/template-error";
import { templateEditorMessages } from "./template-editor-messages";
import type { ContentForm } from "./template-form";

interface ContentFieldsProps {
  locale: string;
  content: ContentForm;
  fieldErrors: Record<string, string>;
  onChange: (patch: Partial<ContentForm>) => void;
}

/** One language of a template: subject, preheader, HTML and text, in Liquid. */
export function ContentFields({ locale, content, fieldErrors, onChange }: ContentFieldsProps) {
  const t = useMessages(templateEditorMessages);
  // Ids are the error keys ("contents.ko.html"), so each error names its field.
  const id = (field: TemplateField) => `contents.${locale}.${field}`;
  const common = (field: TemplateField) => ({
    id: id(field),
    value: content[field],
    onChange: (value: string) => onChange({ [field]: value }),
    error: fieldErrors[id(field)],
    autoComplete: "off",
    monospaced: true,
    spellCheck: false,
  });
  return (
    <FormLayout>
      <TextField label={t("subjectLabel")} {...common("subject")} />
      <TextField label={t("preheaderLabel")} helpText={t("preheaderHelp")} {...common("preheader")} />
      <TextField label={t("htmlLabel")} helpText={t("htmlHelp")} multiline={16} maxHeight={480} {...common("html")} />
      <TextField label={t("textLabel")} helpText={t("textHelp")} multiline={6} maxHeight={320} {...common("text")} />
    </FormLayout>
  );
}
