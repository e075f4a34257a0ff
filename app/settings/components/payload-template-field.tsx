import { BlockStack, Box, Select, Text, TextField } from "@shopify/polaris";
import { useMessages } from "~/i18n/use-messages";
import { PRESET_IDS, PRESETS, type PresetId } from "~/outbound/presets";
import { destinationMessages } from "../destination-messages";
import { errorLine, templateExcerpt } from "../template-excerpt";

const CUSTOM = "";

export interface PayloadTemplateFieldProps {
  preset: PresetId | null;
  template: string;
  error: string | undefined;
  onChange(change: { preset: PresetId | null; payloadTemplate: string }): void;
}

/** The preset picker and the Liquid template it fills, with the failing lines shown under a template error. */
export function PayloadTemplateField({ preset, template, error, onChange }: PayloadTemplateFieldProps) {
  const t = useMessages(destinationMessages);
  const options = [...(preset ? [] : [{ label: t("presetCustom"), value: CUSTOM }]), ...PRESET_IDS.map((id) => ({ label: t(`preset:${id}`), value: id }))];
  const choose = (value: string) => {
    const chosen = PRESET_IDS.find((id) => id === value);
    if (chosen) onChange({ preset: chosen, payloadTemplate: PRESETS[chosen].template });
  };
  const line = error ? errorLine(error) : null;
  const excerpt = line === null ? [] : templateExcerpt(template, line);

  return (
    <BlockStack gap="300">
      <Select
        label={t("preset")}
        options={options}
        value={preset ?? CUSTOM}
        onChange={choose}
        helpText={preset ? `${t(`presetDescription:${preset}`)} ${t("presetHelp")}` : t("presetHelp")}
      />
      <TextField
        label={t("payloadTemplate")}
        autoComplete="off"
        multiline={14}
        monospaced
        spellCheck={false}
        value={template}
        onChange={(payloadTemplate) => onChange({ preset, payloadTemplate })}
        error={error}
        helpText={t("payloadHelp")}
      />
      {excerpt.length > 0 && (
        <Box background="bg-surface-critical" padding="300" borderRadius="200">
          <pre aria-label={t("excerptLabel")} style={{ margin: 0, whiteSpace: "pre-wrap", fontFamily: "var(--p-font-family-mono)" }}>
            {excerpt.map(({ number, text, failing }) => (
              <Text key={number} as="span" fontWeight={failing ? "bold" : "regular"} tone={failing ? "critical" : undefined}>
                {`${String(number).padStart(3, " ")} │ ${text}\n`}
              </Text>
            ))}
          </pre>
        </Box>
      )}
    </BlockStack>
  );
}
