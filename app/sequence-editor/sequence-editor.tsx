import { Badge, Banner, BlockStack, Button, InlineError, InlineStack, Page, Text } from "@shopify/polaris";
import { useRef, useState } from "react";
import { FormSaveBar } from "~/components/form-save-bar";
import { commonMessages } from "~/i18n/common-messages";
import { useMessages } from "~/i18n/use-messages";
import { sequenceEditorMessages } from "./sequence-editor-messages";
import { StepCard } from "./step-card";
import { newStep, type SequenceEdit, type SequenceEditorData, type StepForm } from "./step-form";

interface SequenceEditorProps {
  editor: SequenceEditorData;
  fieldErrors: Record<string, string>;
  saving: boolean;
  onSave: (edit: SequenceEdit) => void;
}

interface Row {
  /** Stable across moves, so each card keeps its own state and focus. */
  key: number;
  step: StepForm;
}

/** The steps of the latest version as a form; saving publishes them as the next version. */
export function SequenceEditor({ editor, fieldErrors, saving, onSave }: SequenceEditorProps) {
  const t = useMessages(sequenceEditorMessages);
  const common = useMessages(commonMessages);
  const initialRows = () => editor.steps.map((step, index) => ({ key: index, step }));
  const [rows, setRows] = useState<Row[]>(initialRows);
  const nextKey = useRef(editor.steps.length);
  const steps = rows.map((row) => row.step);
  const dirty = JSON.stringify(steps) !== JSON.stringify(editor.steps);
  const hasErrors = Object.keys(fieldErrors).length > 0;

  const update = (index: number, patch: Partial<StepForm>) => setRows(rows.map((row, at) => (at === index ? { ...row, step: { ...row.step, ...patch } } : row)));
  const move = (index: number, offset: -1 | 1) => {
    const next = [...rows];
    const [moved] = next.splice(index, 1);
    next.splice(index + offset, 0, moved!);
    setRows(next);
  };
  const add = () => setRows([...rows, { key: nextKey.current++, step: newStep(rows.at(-1)?.step) }]);

  return (
    <Page title={common("navSequence")} subtitle={editor.name} titleMetadata={<Badge tone="info">{t("version", { number: editor.versionNumber })}</Badge>}>
      <FormSaveBar id="sequence-save-bar" open={dirty} saving={saving} onSave={() => onSave({ sequenceId: editor.sequenceId, steps })} onDiscard={() => setRows(initialRows())} />
      <BlockStack gap="400">
        <Banner tone="info">
          <BlockStack gap="100">
            <Text as="p">{t("versionNote")}</Text>
            <Text as="p" fontWeight="semibold">
              {editor.enrollmentsOnOlderVersions > 0 ? t("olderEnrollments", { count: editor.enrollmentsOnOlderVersions }) : t("noOlderEnrollments")}
            </Text>
          </BlockStack>
        </Banner>
        {hasErrors && (
          <Banner tone="critical" title={t("fixErrorsTitle")}>
            <Text as="p">{t("fixErrorsBody")}</Text>
          </Banner>
        )}
        {fieldErrors.steps && <InlineError message={fieldErrors.steps} fieldID="steps" />}
        {rows.map((row, index) => (
          <StepCard
            key={row.key}
            index={index}
            count={rows.length}
            step={row.step}
            currency={editor.currency}
            defaultMinSample={editor.defaultMinSample}
            templates={editor.templates}
            destinations={editor.destinations}
            fieldErrors={fieldErrors}
            onChange={(patch) => update(index, patch)}
            onMove={(offset) => move(index, offset)}
            onRemove={() => setRows(rows.filter((_, at) => at !== index))}
          />
        ))}
        <InlineStack>
          <Button onClick={add} id="steps">
            {t("addStep")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Page>
  );
}
