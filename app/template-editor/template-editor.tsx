import { Banner, BlockStack, Box, Button, Card, InlineError, InlineGrid, InlineStack, Page, Tabs, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { FormSaveBar } from "~/components/form-save-bar";
import { commonMessages } from "~/i18n/common-messages";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import { DEFAULT_TEMPLATES } from "~/templates/default-templates";
import { ContentFields } from "./content-fields";
import { languageName } from "./language-name";
import { LiquidVariableList } from "./liquid-variable-list";
import { templateEditorMessages } from "./template-editor-messages";
import { contentForm, EDITOR_LOCALES, orderedLocales, type ContentForm, type TemplateEditorData, type TemplateForm } from "./template-form";
import { TemplatePreviewPane } from "./template-preview-pane";
import { TestSendCard } from "./test-send-card";

interface TemplateEditorProps {
  data: TemplateEditorData;
  fieldErrors: Record<string, string>;
  saving: boolean;
  onSave: (form: TemplateForm) => void;
  /** The language tab and the preview's checkout outlive a save, which remounts the form. */
  selectedLocale: string;
  onSelectLocale: (locale: string) => void;
  checkoutId: string;
  onCheckoutChange: (checkoutId: string) => void;
}

/** A language the template lacks starts from the default reminder in that language, layout and legal marker included. */
function starterContent(locale: (typeof EDITOR_LOCALES)[number]): ContentForm {
  return contentForm(DEFAULT_TEMPLATES[0]!.contents[locale]);
}

export function TemplateEditor({ data, fieldErrors, saving, onSave, selectedLocale, onSelectLocale, checkoutId, onCheckoutChange }: TemplateEditorProps) {
  const t = useMessages(templateEditorMessages);
  const common = useMessages(commonMessages);
  const uiLocale = useUiLocale();
  const saved: TemplateForm = { name: data.template.name, contents: data.template.contents };
  const [form, setForm] = useState<TemplateForm>(saved);
  const dirty = JSON.stringify(form) !== JSON.stringify(saved);

  const locales = orderedLocales(form.contents);
  const locale = locales.includes(selectedLocale) ? selectedLocale : locales[0]!;
  const content = form.contents[locale]!;
  const missing = EDITOR_LOCALES.filter((candidate) => !locales.includes(candidate));
  const errorCount = (tabLocale: string) => Object.keys(fieldErrors).filter((key) => key.startsWith(`contents.${tabLocale}.`)).length;

  const setContent = (patch: Partial<ContentForm>) => setForm({ ...form, contents: { ...form.contents, [locale]: { ...content, ...patch } } });
  const addLocale = (added: (typeof EDITOR_LOCALES)[number]) => {
    setForm({ ...form, contents: { ...form.contents, [added]: starterContent(added) } });
    onSelectLocale(added);
  };
  const removeLocale = () => {
    const { [locale]: _removed, ...rest } = form.contents;
    setForm({ ...form, contents: rest });
  };

  return (
    <Page backAction={{ content: common("navTemplates"), url: "/app/templates" }} title={data.template.name}>
      <FormSaveBar id="template-save-bar" open={dirty} saving={saving} onSave={() => onSave(form)} onDiscard={() => setForm(saved)} />
      <BlockStack gap="400">
        {Object.keys(fieldErrors).length > 0 && (
          <Banner tone="critical" title={t("fixErrorsTitle")}>
            <Text as="p">{t("fixErrorsBody")}</Text>
          </Banner>
        )}
        <InlineGrid columns={{ xs: 1, lg: 2 }} gap="400" alignItems="start">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <TextField
                  id="name"
                  label={t("nameLabel")}
                  value={form.name}
                  onChange={(name) => setForm({ ...form, name })}
                  error={fieldErrors.name}
                  autoComplete="off"
                />
                <Text as="p" tone="subdued">
                  {t("sharedNote")}
                </Text>
              </BlockStack>
            </Card>
            <Card padding="0">
              <Tabs
                tabs={locales.map((tabLocale) => ({
                  id: `locale-${tabLocale}`,
                  content: languageName(tabLocale, uiLocale),
                  panelID: `locale-${tabLocale}-panel`,
                  ...(errorCount(tabLocale) > 0 && { badge: String(errorCount(tabLocale)) }),
                }))}
                selected={locales.indexOf(locale)}
                onSelect={(index) => onSelectLocale(locales[index]!)}
              >
                <Box padding="400">
                  <BlockStack gap="400">
                    <ContentFields locale={locale} content={content} fieldErrors={fieldErrors} onChange={setContent} />
                    {fieldErrors.contents && <InlineError message={fieldErrors.contents} fieldID="contents" />}
                    <InlineStack gap="200">
                      {missing.map((candidate) => (
                        <Button key={candidate} onClick={() => addLocale(candidate)}>
                          {t("addLanguage", { language: languageName(candidate, uiLocale) })}
                        </Button>
                      ))}
                      {locales.length > 1 && (
                        <Button tone="critical" variant="plain" onClick={removeLocale}>
                          {t("removeLanguage", { language: languageName(locale, uiLocale) })}
                        </Button>
                      )}
                    </InlineStack>
                  </BlockStack>
                </Box>
              </Tabs>
            </Card>
            <LiquidVariableList />
          </BlockStack>
          <BlockStack gap="400">
            <TemplatePreviewPane
              templateId={data.template.id}
              locale={locale}
              content={content}
              checkouts={data.checkouts}
              timezone={data.timezone}
              checkoutId={checkoutId}
              onCheckoutChange={onCheckoutChange}
            />
            <TestSendCard templateId={data.template.id} locale={locale} content={content} checkoutId={checkoutId} />
          </BlockStack>
        </InlineGrid>
      </BlockStack>
    </Page>
  );
}
