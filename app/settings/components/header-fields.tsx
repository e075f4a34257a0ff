import { BlockStack, Button, Checkbox, InlineGrid, InlineError, Text, TextField } from "@shopify/polaris";
import { useMessages } from "~/i18n/use-messages";
import { destinationMessages } from "../destination-messages";
import type { HeaderRow } from "../destination-form";

export interface HeaderFieldsProps {
  headers: HeaderRow[];
  /** The destination's field errors: "headers" and "headers.{index}.name|value" are this list's. */
  fieldErrors: Record<string, string>;
  onChange(headers: HeaderRow[]): void;
}

/** The destination's own headers; a secret one's stored value comes back masked and is kept unless typed over. */
export function HeaderFields({ headers, fieldErrors, onChange }: HeaderFieldsProps) {
  const t = useMessages(destinationMessages);
  const update = (index: number, change: Partial<HeaderRow>) => onChange(headers.map((header, at) => (at === index ? { ...header, ...change } : header)));

  return (
    <BlockStack gap="300">
      {headers.length === 0 && (
        <Text as="p" tone="subdued">
          {t("noHeaders")}
        </Text>
      )}
      {headers.map((header, index) => (
        <InlineGrid key={index} columns={{ xs: 1, md: "2fr 3fr auto auto" }} gap="300" alignItems="end">
          <TextField label={t("headerName")} autoComplete="off" value={header.name} onChange={(name) => update(index, { name })} error={fieldErrors[`headers.${index}.name`]} />
          <TextField
            label={t("headerValue")}
            autoComplete="off"
            monospaced={header.secret}
            value={header.value}
            onChange={(value) => update(index, { value })}
            error={fieldErrors[`headers.${index}.value`]}
          />
          <Checkbox label={t("headerSecret")} checked={header.secret} onChange={(secret) => update(index, { secret })} />
          <Button onClick={() => onChange(headers.filter((_, at) => at !== index))} accessibilityLabel={t("removeHeaderLabel", { name: header.name || String(index + 1) })}>
            {t("removeHeader")}
          </Button>
        </InlineGrid>
      ))}
      {fieldErrors.headers && <InlineError message={fieldErrors.headers} fieldID="headers" />}
      <div>
        <Button onClick={() => onChange([...headers, { name: "", value: "", secret: false }])}>{t("addHeader")}</Button>
      </div>
    </BlockStack>
  );
}
