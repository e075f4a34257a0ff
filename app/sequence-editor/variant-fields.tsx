import { Badge, BlockStack, Box, Button, FormLayout, InlineError, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useMessages } from "~/i18n/use-messages";
import { sequenceEditorMessages } from "./sequence-editor-messages";
import { firstVariants, MAX_VARIANTS, newVariant, type StepForm, type TemplateChoice, type VariantForm, type WinnerMetricChoice } from "./step-form";

interface VariantFieldsProps {
  step: StepForm;
  templates: TemplateChoice[];
  defaultMinSample: number;
  /** Names fields for their errors and ids, e.g. "steps.1.variants". */
  fieldId: (field: string) => string;
  error: (field: string) => string | undefined;
  onChange: (patch: Partial<StepForm>) => void;
}

/** A step's A/B test: 2 to 4 variants, each another subject and/or template with a weight, and the automatic winner. */
export function VariantFields({ step, templates, defaultMinSample, fieldId, error, onChange }: VariantFieldsProps) {
  const t = useMessages(sequenceEditorMessages);
  const { variants } = step;
  const setVariants = (next: VariantForm[]) => onChange({ variants: next });
  const updateVariant = (index: number, patch: Partial<VariantForm>) => setVariants(variants.map((variant, at) => (at === index ? { ...variant, ...patch } : variant)));
  const templateOptions = templates.map((template) => ({ label: template.name, value: String(template.id) }));

  if (variants.length === 0) {
    return (
      <BlockStack gap="200" inlineAlign="start">
        <Text as="h3" variant="headingSm">
          {t("abHeading")}
        </Text>
        <Text as="p" tone="subdued">
          {t("abIntro")}
        </Text>
        <Button onClick={() => setVariants(firstVariants())}>{t("abStart")}</Button>
      </BlockStack>
    );
  }

  return (
    <BlockStack gap="300">
      <InlineStack align="space-between" blockAlign="center">
        <Text as="h3" variant="headingSm">
          {t("abHeading")}
        </Text>
        <Button variant="plain" tone="critical" onClick={() => onChange({ variants: [], autoWinnerMetric: "none", autoWinnerMinSample: "" })}>
          {t("abEnd")}
        </Button>
      </InlineStack>
      {error("variants") && <InlineError message={error("variants")!} fieldID={fieldId("variants")} />}
      {variants.map((variant, index) => {
        const field = (name: string) => `variants.${index}.${name}`;
        return (
          <Box key={index} padding="300" borderWidth="025" borderColor="border" borderRadius="200">
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="center">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="h4" variant="headingSm">
                    {t("variantHeading", { label: variant.label })}
                  </Text>
                  {variant.label === step.winnerLabel && <Badge tone="success">{t("winner")}</Badge>}
                </InlineStack>
                <Button variant="plain" tone="critical" onClick={() => setVariants(variants.filter((_, at) => at !== index))}>
                  {t("removeVariant", { label: variant.label })}
                </Button>
              </InlineStack>
              <FormLayout>
                <FormLayout.Group condensed>
                  <TextField
                    id={fieldId(field("label"))}
                    label={t("variantLabel")}
                    value={variant.label}
                    onChange={(label) => updateVariant(index, { label })}
                    error={error(field("label"))}
                    autoComplete="off"
                  />
                  <TextField
                    id={fieldId(field("weight"))}
                    label={t("weightLabel")}
                    helpText={t("weightHelp")}
                    inputMode="numeric"
                    value={variant.weight}
                    onChange={(weight) => updateVariant(index, { weight })}
                    error={error(field("weight"))}
                    autoComplete="off"
                  />
                </FormLayout.Group>
                <TextField
                  id={fieldId(field("subject"))}
                  label={t("variantSubjectLabel")}
                  helpText={t("variantSubjectHelp")}
                  monospaced
                  value={variant.subject}
                  onChange={(subject) => updateVariant(index, { subject })}
                  error={error(field("subject"))}
                  autoComplete="off"
                />
                <Select
                  id={fieldId(field("templateId"))}
                  label={t("variantTemplateLabel")}
                  options={[{ label: t("stepTemplate"), value: "" }, ...templateOptions]}
                  value={variant.templateId}
                  onChange={(templateId) => updateVariant(index, { templateId })}
                  error={error(field("templateId"))}
                />
              </FormLayout>
            </BlockStack>
          </Box>
        );
      })}
      {variants.length < MAX_VARIANTS && (
        <InlineStack>
          <Button onClick={() => setVariants([...variants, newVariant(variants)])}>{t("addVariant")}</Button>
        </InlineStack>
      )}
      <FormLayout>
        <FormLayout.Group condensed>
          <Select
            label={t("winnerMetricLabel")}
            options={[
              { label: t("metricNone"), value: "none" },
              { label: t("metricClick"), value: "click" },
              { label: t("metricRecovery"), value: "recovery" },
            ]}
            value={step.autoWinnerMetric}
            onChange={(value) => onChange({ autoWinnerMetric: value as WinnerMetricChoice })}
          />
          {step.autoWinnerMetric !== "none" && (
            <TextField
              id={fieldId("autoWinnerMinSample")}
              label={t("minSampleLabel")}
              helpText={t("minSampleHelp", { count: defaultMinSample })}
              placeholder={String(defaultMinSample)}
              inputMode="numeric"
              value={step.autoWinnerMinSample}
              onChange={(autoWinnerMinSample) => onChange({ autoWinnerMinSample })}
              error={error("autoWinnerMinSample")}
              autoComplete="off"
            />
          )}
        </FormLayout.Group>
      </FormLayout>
    </BlockStack>
  );
}
