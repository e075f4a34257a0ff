import { Badge, BlockStack, Button, ButtonGroup, Card, Checkbox, Divider, FormLayout, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useId } from "react";
import { useMessages } from "~/i18n/use-messages";
import { DELAY_UNITS, type DelayUnit } from "./delay-units";
import { DiscountFields } from "./discount-fields";
import { sequenceEditorMessages } from "./sequence-editor-messages";
import type { Channel, DestinationChoice, StepForm, TemplateChoice } from "./step-form";
import { VariantFields } from "./variant-fields";

export interface StepCardProps {
  index: number;
  count: number;
  step: StepForm;
  currency: string;
  defaultMinSample: number;
  templates: TemplateChoice[];
  destinations: DestinationChoice[];
  fieldErrors: Record<string, string>;
  onChange: (patch: Partial<StepForm>) => void;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
}

const UNIT_MESSAGES = { minutes: "unitMinutes", hours: "unitHours", days: "unitDays" } as const;

/** One step of the sequence: when, through which channel, on which conditions, with which offer and test. */
export function StepCard({ index, count, step, currency, defaultMinSample, templates, destinations, fieldErrors, onChange, onMove, onRemove }: StepCardProps) {
  const t = useMessages(sequenceEditorMessages);
  const headingId = useId();
  const number = index + 1;
  // Ids are the error keys ("steps.1.delayMinutes"), so an error names the field it belongs to.
  const fieldId = (field: string) => `steps.${index}.${field}`;
  const error = (field: string) => fieldErrors[fieldId(field)];
  const changeChannel = (channel: Channel) => onChange(channel === "email" ? { channel } : { channel, variants: [], autoWinnerMetric: "none", autoWinnerMinSample: "" });

  return (
    <section aria-labelledby={headingId}>
      <Card>
        <BlockStack gap="400">
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <InlineStack gap="200" blockAlign="center">
              <Text as="h2" variant="headingMd" id={headingId}>
                {t("stepHeading", { number })}
              </Text>
              {!step.enabled && <Badge>{t("stepOff")}</Badge>}
            </InlineStack>
            <ButtonGroup>
              <Button onClick={() => onMove(-1)} disabled={index === 0} accessibilityLabel={t("moveUp", { number })}>
                ↑
              </Button>
              <Button onClick={() => onMove(1)} disabled={index === count - 1} accessibilityLabel={t("moveDown", { number })}>
                ↓
              </Button>
              <Button tone="critical" onClick={onRemove}>
                {t("removeStep", { number })}
              </Button>
            </ButtonGroup>
          </InlineStack>
          <Checkbox label={t("stepEnabled")} checked={step.enabled} onChange={(enabled) => onChange({ enabled })} />
          <FormLayout>
            <FormLayout.Group>
              <TextField
                id={fieldId("delayMinutes")}
                label={t("delayLabel")}
                type="number"
                helpText={t("delayHelp")}
                value={step.delayAmount}
                onChange={(delayAmount) => onChange({ delayAmount })}
                error={error("delayMinutes")}
                autoComplete="off"
                connectedRight={
                  <Select
                    label={t("unitLabel")}
                    labelHidden
                    options={DELAY_UNITS.map((unit) => ({ label: t(UNIT_MESSAGES[unit]), value: unit }))}
                    value={step.delayUnit}
                    onChange={(unit) => onChange({ delayUnit: unit as DelayUnit })}
                  />
                }
              />
              <Select
                label={t("channelLabel")}
                options={[
                  { label: t("channelEmail"), value: "email" },
                  { label: t("channelWebhook"), value: "webhook" },
                ]}
                value={step.channel}
                onChange={(channel) => changeChannel(channel as Channel)}
              />
            </FormLayout.Group>
            {step.channel === "email" ? (
              <Select
                id={fieldId("templateId")}
                label={t("templateLabel")}
                placeholder={t("templatePlaceholder")}
                helpText={templates.length === 0 ? t("noTemplates") : undefined}
                options={templates.map((template) => ({ label: template.name, value: String(template.id) }))}
                value={step.templateId}
                onChange={(templateId) => onChange({ templateId })}
                error={error("templateId")}
              />
            ) : (
              <Select
                id={fieldId("destinationId")}
                label={t("destinationLabel")}
                placeholder={t("destinationPlaceholder")}
                helpText={destinations.length === 0 ? t("noDestinations") : undefined}
                options={destinations.map((destination) => ({
                  label: destination.enabled ? destination.name : t("destinationOff", { name: destination.name }),
                  value: String(destination.id),
                }))}
                value={step.destinationId}
                onChange={(destinationId) => onChange({ destinationId })}
                error={error("destinationId")}
              />
            )}
          </FormLayout>
          <Divider />
          <BlockStack gap="300">
            <Text as="h3" variant="headingSm">
              {t("conditionsHeading")}
            </Text>
            <FormLayout>
              <TextField
                id={fieldId("minCartValue")}
                label={t("minCartLabel")}
                helpText={t("minCartHelp")}
                inputMode="decimal"
                suffix={currency}
                value={step.minCartValue}
                onChange={(minCartValue) => onChange({ minCartValue })}
                error={error("minCartValue")}
                autoComplete="off"
              />
              <Checkbox
                id={fieldId("skipIfClicked")}
                label={t("skipIfClickedLabel")}
                checked={step.skipIfClicked}
                onChange={(skipIfClicked) => onChange({ skipIfClicked })}
                error={error("skipIfClicked")}
              />
            </FormLayout>
          </BlockStack>
          <Divider />
          <DiscountFields step={step} currency={currency} error={error} onChange={onChange} />
          {step.channel === "email" && (
            <>
              <Divider />
              <VariantFields step={step} templates={templates} defaultMinSample={defaultMinSample} fieldId={fieldId} error={error} onChange={onChange} />
            </>
          )}
        </BlockStack>
      </Card>
    </section>
  );
}
