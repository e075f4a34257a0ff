import { Banner, BlockStack, Card, Checkbox, FormLayout, InlineGrid, Layout, TextField } from "@shopify/polaris";
import { useState } from "react";
import { FormSaveBar } from "~/components/form-save-bar";
import { useMessages } from "~/i18n/use-messages";
import { currencyExponent } from "~/lib/money";
import { isSettingsErrorCode } from "../parse-shop-settings";
import { SETTINGS_LIMITS, type ShopSettingsField, type ShopSettingsFormValues } from "../shop-settings";
import { shopSettingsMessages } from "../shop-settings-messages";

const ERROR_MESSAGES = {
  form: "errorForm",
  wholeNumberBetween: "errorWholeNumberBetween",
  email: "errorEmail",
  tooLong: "errorTooLong",
  clockTime: "errorClockTime",
  sameQuietHours: "errorSameQuietHours",
  amount: "errorAmount",
  amountPrecision: "errorAmountPrecision",
} as const;

export interface ShopSettingsFormProps {
  initial: ShopSettingsFormValues;
  timezone: string;
  currency: string;
  /** Error codes by field, as the action answered them. */
  fieldErrors: Record<string, string>;
  saving: boolean;
  onSave(values: ShopSettingsFormValues): void;
}

/**
 * The shop's settings in annotated sections of their own Layout, saved through App Bridge's
 * contextual save bar (kept outside the Layout, where nothing overlaps it when shown in place).
 */
export function ShopSettingsForm({ initial, timezone, currency, fieldErrors, saving, onSave }: ShopSettingsFormProps) {
  const t = useMessages(shopSettingsMessages);
  const [values, setValues] = useState(initial);
  const dirty = (Object.keys(initial) as ShopSettingsField[]).some((field) => values[field] !== initial[field]);
  const set =
    <Field extends ShopSettingsField>(field: Field) =>
    (value: ShopSettingsFormValues[Field]) =>
      setValues((current) => ({ ...current, [field]: value }));

  // Errors describe the values last submitted; once those are discarded they no longer apply.
  const errorOf = (field: ShopSettingsField | "form") => {
    const code = dirty ? fieldErrors[field] : undefined;
    if (!code || !isSettingsErrorCode(code)) return undefined;
    const limits = field in SETTINGS_LIMITS ? SETTINGS_LIMITS[field as keyof typeof SETTINGS_LIMITS] : {};
    return t(ERROR_MESSAGES[code], { ...limits, currency, decimals: currencyExponent(currency) });
  };
  const number = (field: "abandonmentMinutes" | "frequencyCapHours" | "attributionDays" | "holdoutPercent") => ({
    type: "number" as const,
    autoComplete: "off",
    value: values[field],
    onChange: set(field),
    error: errorOf(field),
    min: SETTINGS_LIMITS[field].min,
    max: SETTINGS_LIMITS[field].max,
  });
  const text = (field: "senderName" | "senderEmail" | "replyToEmail" | "highValueThreshold" | "bannerText" | "quietHoursStart" | "quietHoursEnd") => ({
    autoComplete: "off",
    value: values[field],
    onChange: set(field),
    error: errorOf(field),
  });
  const formError = errorOf("form");

  return (
    <>
      <FormSaveBar id="shop-settings-save-bar" open={dirty} saving={saving} onSave={() => onSave(values)} onDiscard={() => setValues(initial)} />
      <Layout>
        {formError && (
          <Layout.Section>
            <Banner tone="critical">{formError}</Banner>
          </Layout.Section>
        )}
        <Layout.AnnotatedSection id="sender" title={t("senderTitle")} description={t("senderDescription")}>
          <Card>
            <FormLayout>
              <TextField label={t("senderName")} maxLength={SETTINGS_LIMITS.senderName.max} {...text("senderName")} />
              <FormLayout.Group>
                <TextField label={t("senderEmail")} type="email" {...text("senderEmail")} />
                <TextField label={t("replyToEmail")} type="email" helpText={t("replyToHelp")} {...text("replyToEmail")} />
              </FormLayout.Group>
            </FormLayout>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection id="timing" title={t("timingTitle")} description={t("timingDescription")}>
          <Card>
            <FormLayout>
              <TextField
                label={t("abandonmentMinutes")}
                suffix={t("minutes")}
                helpText={t("abandonmentHelp", SETTINGS_LIMITS.abandonmentMinutes)}
                {...number("abandonmentMinutes")}
              />
              <TextField label={t("frequencyCapHours")} suffix={t("hours")} helpText={t("frequencyCapHelp", SETTINGS_LIMITS.frequencyCapHours)} {...number("frequencyCapHours")} />
            </FormLayout>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection id="consent" title={t("consentTitle")} description={t("consentDescription")}>
          <Card>
            <Checkbox
              label={t("requireMarketingConsent")}
              helpText={t("requireMarketingConsentHelp")}
              checked={values.requireMarketingConsent}
              onChange={set("requireMarketingConsent")}
            />
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection id="quiet-hours" title={t("quietHoursTitle")} description={t("quietHoursDescription", { timezone })}>
          <Card>
            <BlockStack gap="300">
              <Checkbox label={t("quietHours")} checked={values.quietHours} onChange={set("quietHours")} />
              {values.quietHours && (
                <InlineGrid columns={2} gap="300">
                  <TextField label={t("quietHoursStart")} type="time" {...text("quietHoursStart")} />
                  <TextField label={t("quietHoursEnd")} type="time" {...text("quietHoursEnd")} />
                </InlineGrid>
              )}
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection id="measurement" title={t("measurementTitle")} description={t("measurementDescription")}>
          <Card>
            <FormLayout>
              <TextField label={t("attributionDays")} suffix={t("days")} helpText={t("attributionHelp", SETTINGS_LIMITS.attributionDays)} {...number("attributionDays")} />
              <TextField label={t("highValueThreshold")} inputMode="decimal" suffix={currency} helpText={t("highValueHelp", { currency })} {...text("highValueThreshold")} />
              <TextField label={t("holdoutPercent")} suffix="%" helpText={t("holdoutHelp", SETTINGS_LIMITS.holdoutPercent)} {...number("holdoutPercent")} />
            </FormLayout>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection id="banner" title={t("bannerTitle")} description={t("bannerDescription")}>
          <Card>
            <TextField label={t("bannerText")} multiline={2} maxLength={SETTINGS_LIMITS.bannerText.max} showCharacterCount helpText={t("bannerHelp")} {...text("bannerText")} />
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </>
  );
}
