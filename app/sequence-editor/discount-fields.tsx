import { BlockStack, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import { DEFAULT_EXPIRY_HOURS } from "~/discounts/discount-offer";
import { useMessages } from "~/i18n/use-messages";
import { sequenceEditorMessages } from "./sequence-editor-messages";
import type { DiscountKindChoice, StepForm } from "./step-form";

interface DiscountFieldsProps {
  step: StepForm;
  currency: string;
  error: (field: string) => string | undefined;
  onChange: (patch: Partial<StepForm>) => void;
}

/** The unique code a step offers: none, a percentage or a fixed amount, with its conditions. */
export function DiscountFields({ step, currency, error, onChange }: DiscountFieldsProps) {
  const t = useMessages(sequenceEditorMessages);
  const percentage = step.discountKind === "percentage";
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        {t("discountHeading")}
      </Text>
      <Select
        label={t("discountKindLabel")}
        helpText={t("discountHelp")}
        options={[
          { label: t("discountNone"), value: "none" },
          { label: t("discountPercentage"), value: "percentage" },
          { label: t("discountFixedAmount"), value: "fixed_amount" },
        ]}
        value={step.discountKind}
        onChange={(value) => onChange({ discountKind: value as DiscountKindChoice })}
      />
      {step.discountKind !== "none" && (
        <FormLayout>
          <FormLayout.Group condensed>
            <TextField
              label={percentage ? t("discountPercentLabel") : t("discountAmountLabel")}
              inputMode="decimal"
              suffix={percentage ? "%" : currency}
              value={step.discountValue}
              onChange={(value) => onChange({ discountValue: value })}
              error={error("discountValue")}
              autoComplete="off"
            />
            <TextField
              label={t("discountMinSubtotalLabel")}
              inputMode="decimal"
              suffix={currency}
              helpText={t("optional")}
              value={step.discountMinSubtotal}
              onChange={(value) => onChange({ discountMinSubtotal: value })}
              error={error("discountMinSubtotal")}
              autoComplete="off"
            />
            <TextField
              label={t("discountExpiryLabel")}
              inputMode="numeric"
              placeholder={String(DEFAULT_EXPIRY_HOURS)}
              helpText={t("discountExpiryHelp", { hours: DEFAULT_EXPIRY_HOURS })}
              value={step.discountExpiryHours}
              onChange={(value) => onChange({ discountExpiryHours: value })}
              error={error("discountExpiryHours")}
              autoComplete="off"
            />
          </FormLayout.Group>
        </FormLayout>
      )}
    </BlockStack>
  );
}
