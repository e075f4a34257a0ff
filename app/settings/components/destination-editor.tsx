import { Banner, BlockStack, Card, Checkbox, ChoiceList, FormLayout, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { FormSaveBar } from "~/components/form-save-bar";
import { SectionCard } from "~/components/section-card";
import { useMessages } from "~/i18n/use-messages";
import { DESTINATION_METHODS } from "~/outbound/destination-input";
import { OUTBOUND_EVENTS, type OutboundEvent } from "~/outbound/outbound-events";
import { destinationMessages } from "../destination-messages";
import type { DestinationForm } from "../destination-form";
import { HeaderFields } from "./header-fields";
import { PayloadTemplateField } from "./payload-template-field";
import { useDeliveryLabels } from "./use-delivery-labels";

export interface DestinationEditorProps {
  initial: DestinationForm;
  /** As createDestination and updateDestination word them: "url", "headers.1.value", "payloadTemplate". */
  fieldErrors: Record<string, string>;
  saving: boolean;
  onSave(values: DestinationForm): void;
}

/** A destination's settings in cards, saved through App Bridge's contextual save bar. */
export function DestinationEditor({ initial, fieldErrors, saving, onSave }: DestinationEditorProps) {
  const t = useMessages(destinationMessages);
  const labels = useDeliveryLabels();
  const [values, setValues] = useState(initial);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const change = (update: Partial<DestinationForm>) => setValues((current) => ({ ...current, ...update }));
  // Errors describe the values last submitted; once those are discarded they no longer apply.
  const errors = dirty ? fieldErrors : {};

  return (
    <BlockStack gap="400">
      <FormSaveBar id="destination-save-bar" open={dirty} saving={saving} onSave={() => onSave(values)} onDiscard={() => setValues(initial)} />
      {errors.form && <Banner tone="critical">{errors.form}</Banner>}
      <SectionCard title={t("detailsTitle")}>
        <FormLayout>
          <TextField label={t("name")} autoComplete="off" value={values.name} onChange={(name) => change({ name })} error={errors.name} />
          <FormLayout.Group>
            <TextField label={t("url")} type="url" autoComplete="off" value={values.url} onChange={(url) => change({ url })} error={errors.url} helpText={t("urlHelp")} />
            <Select
              label={t("method")}
              options={[...DESTINATION_METHODS]}
              value={values.method}
              onChange={(method) => change({ method: DESTINATION_METHODS.find((known) => known === method) ?? values.method })}
              error={errors.method}
            />
          </FormLayout.Group>
          <Checkbox label={t("enabled")} helpText={t("enabledHelp")} checked={values.enabled} onChange={(enabled) => change({ enabled })} />
          <Checkbox
            label={t("followRedirects")}
            helpText={t("followRedirectsHelp")}
            checked={values.followRedirects}
            onChange={(followRedirects) => change({ followRedirects })}
          />
        </FormLayout>
      </SectionCard>
      <SectionCard title={t("headersTitle")} description={t("headersDescription")}>
        <HeaderFields headers={values.headers} fieldErrors={errors} onChange={(headers) => change({ headers })} />
      </SectionCard>
      <SectionCard title={t("payloadTitle")}>
        <PayloadTemplateField preset={values.preset} template={values.payloadTemplate} error={errors.payloadTemplate ?? errors.preset} onChange={change} />
      </SectionCard>
      <Card>
        <ChoiceList
          title={t("eventsTitle")}
          allowMultiple
          choices={OUTBOUND_EVENTS.map((event) => ({ label: labels.event(event), value: event, helpText: event }))}
          selected={values.events}
          onChange={(selected) => change({ events: OUTBOUND_EVENTS.filter((event: OutboundEvent) => selected.includes(event)) })}
          error={errors.events}
        />
        <Text as="p" tone="subdued">
          {t("eventsHelp")}
        </Text>
      </Card>
    </BlockStack>
  );
}
