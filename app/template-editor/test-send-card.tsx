import { useFetcher } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { BlockStack, Button, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { SectionCard } from "~/components/section-card";
import { translate } from "~/i18n/messages";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import type { action } from "~/routes/app.templates.$id";
import { templateEditorMessages } from "./template-editor-messages";
import type { ContentForm } from "./template-form";

interface TestSendCardProps {
  templateId: number;
  locale: string;
  content: ContentForm;
  /** "" for the sample checkout. */
  checkoutId: string;
}

/** Sends the language being edited, as previewed, to an address the merchant types. */
export function TestSendCard({ templateId, locale, content, checkoutId }: TestSendCardProps) {
  const t = useMessages(templateEditorMessages);
  const uiLocale = useUiLocale();
  const shopify = useAppBridge();
  const { submit, data, state } = useFetcher<typeof action>();
  const [to, setTo] = useState("");

  useEffect(() => {
    if (!data || !("intent" in data) || data.intent !== "sendTest") return;
    const messages = templateEditorMessages[uiLocale];
    if (data.ok) shopify.toast.show(translate(messages.testSent, { to: data.to }));
    else shopify.toast.show(translate(messages.testFailed, { error: data.error }), { isError: true });
  }, [data, uiLocale, shopify]);

  const send = () =>
    submit(
      { intent: "sendTest", to, locale, content, checkoutId: checkoutId ? Number(checkoutId) : null },
      { method: "post", encType: "application/json", action: `/app/templates/${templateId}?locale=${uiLocale}` },
    );
  const fieldErrors = data && "fieldErrors" in data ? data.fieldErrors : {};

  return (
    <SectionCard title={t("testHeading")} description={t("testIntro")}>
      <TextField label={t("testToLabel")} type="email" value={to} onChange={setTo} error={fieldErrors.to} autoComplete="email" />
      <BlockStack inlineAlign="start">
        <Button onClick={send} loading={state !== "idle"} disabled={!to.trim()}>
          {t("testButton")}
        </Button>
      </BlockStack>
    </SectionCard>
  );
}
