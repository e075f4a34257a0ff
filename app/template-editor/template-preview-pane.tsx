import { useFetcher } from "@remix-run/react";
import { Banner, BlockStack, Box, Card, InlineStack, Select, Spinner, Text } from "@shopify/polaris";
import { useEffect } from "react";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import { templateEditorMessages } from "./template-editor-messages";
import type { ContentForm, PreviewCheckout } from "./template-form";
import type { PreviewRequest, PreviewResult } from "./template-preview";

// Long enough to wait for a pause in typing, short enough to feel live.
const PREVIEW_DEBOUNCE_MS = 350;

const FIELD_MESSAGES = { subject: "subjectLabel", preheader: "preheaderLabel", html: "htmlLabel", text: "textLabel" } as const;

interface TemplatePreviewPaneProps {
  templateId: number;
  locale: string;
  content: ContentForm;
  checkouts: PreviewCheckout[];
  timezone: string;
  /** "" for the sample checkout. */
  checkoutId: string;
  onCheckoutChange: (checkoutId: string) => void;
}

/** The email as the server renders it, for the sample cart or a stored checkout, following the merchant's typing. */
export function TemplatePreviewPane({ templateId, locale, content, checkouts, timezone, checkoutId, onCheckoutChange }: TemplatePreviewPaneProps) {
  const t = useMessages(templateEditorMessages);
  const uiLocale = useUiLocale();
  const { submit, data, state } = useFetcher<PreviewResult>();
  const request: PreviewRequest = { locale, content, checkoutId: checkoutId ? Number(checkoutId) : null };
  const requestJson = JSON.stringify(request);

  useEffect(() => {
    // A newer submission cancels the one in flight, so a slow answer never overwrites a fresher one.
    const timer = setTimeout(() => submit(JSON.parse(requestJson), { method: "post", encType: "application/json", action: `/app/templates/${templateId}/preview` }), PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [requestJson, templateId, submit]);

  const date = new Intl.DateTimeFormat(uiLocale, { dateStyle: "medium", timeStyle: "short", timeZone: timezone });
  const checkoutOptions = [
    { label: t("sampleCheckout"), value: "" },
    ...checkouts.map((checkout) => ({ label: t("checkoutOption", { email: checkout.email, date: date.format(new Date(checkout.createdAt)) }), value: String(checkout.id) })),
  ];

  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            {t("previewHeading")}
          </Text>
          {state !== "idle" && (
            <InlineStack gap="100" blockAlign="center">
              <Spinner size="small" accessibilityLabel={t("previewUpdating")} />
              <Text as="span" tone="subdued">
                {t("previewUpdating")}
              </Text>
            </InlineStack>
          )}
        </InlineStack>
        <Select label={t("previewWith")} options={checkoutOptions} value={checkoutId} onChange={onCheckoutChange} />
        {data && !data.ok && (
          <Banner tone="critical" title={t("previewError", { field: t(FIELD_MESSAGES[data.error.field]), line: data.error.line })}>
            <Text as="p">{data.error.message}</Text>
          </Banner>
        )}
        {data?.ok && (
          <BlockStack gap="300">
            <BlockStack gap="100">
              <Text as="p" tone="subdued" variant="bodySm">
                {t("previewSubject")}
              </Text>
              <Text as="p" fontWeight="semibold" id="preview-subject">
                {data.email.subject}
              </Text>
            </BlockStack>
            {data.email.preheader && (
              <BlockStack gap="100">
                <Text as="p" tone="subdued" variant="bodySm">
                  {t("previewPreheader")}
                </Text>
                <Text as="p">{data.email.preheader}</Text>
              </BlockStack>
            )}
            <Box borderWidth="025" borderColor="border" borderRadius="200" overflowX="hidden" overflowY="hidden">
              {/* An empty sandbox: no scripts, forms, popups or same-origin access for what the template produced. */}
              <iframe title={t("previewFrameTitle")} sandbox="" srcDoc={data.email.html} style={{ display: "block", width: "100%", height: 640, border: 0 }} />
            </Box>
            <BlockStack gap="100">
              <Text as="h3" variant="headingSm">
                {t("previewText")}
              </Text>
              <Box background="bg-surface-secondary" padding="300" borderRadius="200" overflowX="scroll">
                <pre style={{ margin: 0, whiteSpace: "pre-wrap", fontFamily: "var(--p-font-family-mono)", fontSize: 13 }}>{data.email.text}</pre>
              </Box>
            </BlockStack>
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}
