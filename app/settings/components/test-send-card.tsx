import { useFetcher } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, InlineStack, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { SectionCard } from "~/components/section-card";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import { formatMoney } from "~/lib/money";
import type { action as testSendAction } from "~/routes/app.settings.destinations.$id.test-send";
import type { TestCheckoutOption } from "../destination-page.server";
import { destinationMessages } from "../destination-messages";
import { destinationPath } from "../settings-paths";
import type { TestSendReport } from "../test-send.server";
import { useShopTime } from "./use-shop-time";

export interface TestSendCardProps {
  destinationId: number;
  checkouts: TestCheckoutOption[];
  timezone: string;
}

/** Sends the saved destination's payload for a chosen checkout, once, and shows what the endpoint answered. */
export function TestSendCard({ destinationId, checkouts, timezone }: TestSendCardProps) {
  const t = useMessages(destinationMessages);
  const locale = useUiLocale();
  const shopTime = useShopTime(timezone);
  const fetcher = useFetcher<typeof testSendAction>();
  const [checkoutId, setCheckoutId] = useState(String(checkouts[0]?.id ?? ""));
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;

  const options = checkouts.map((checkout) => ({
    value: String(checkout.id),
    label: t("testCheckoutOption", {
      id: checkout.id,
      who: checkout.email ?? checkout.name ?? t("anonymous"),
      total: formatMoney(checkout.totalPrice, checkout.currency, locale),
      date: shopTime(checkout.createdAt),
    }),
  }));

  return (
    <SectionCard title={t("testTitle")} description={t("testDescription")}>
      {checkouts.length === 0 ? (
        <Text as="p">{t("noCheckouts")}</Text>
      ) : (
        <>
          <Select
            label={t("testCheckout")}
            options={options}
            value={checkoutId}
            onChange={setCheckoutId}
            error={answer && "fieldErrors" in answer ? t("chooseCheckout") : undefined}
          />
          <div>
            <Button
              variant="primary"
              loading={fetcher.state !== "idle"}
              onClick={() => fetcher.submit({ checkoutId }, { method: "post", action: destinationPath(destinationId, "test-send") })}
            >
              {t("sendTest")}
            </Button>
          </div>
        </>
      )}
      {answer && "notFound" in answer && <Banner tone="warning">{t("testGone")}</Banner>}
      <div aria-live="polite">{answer && "report" in answer && <TestSendResult report={answer.report} />}</div>
    </SectionCard>
  );
}

function TestSendResult({ report }: { report: TestSendReport }) {
  const t = useMessages(destinationMessages);
  if (report.status === "template_error") {
    return (
      <Banner tone="critical" title={t("testTemplateError")}>
        <p>{report.line === null ? report.error : t("testTemplateErrorLine", { line: report.line, error: report.error })}</p>
      </Banner>
    );
  }
  const delivered = report.status === "delivered";
  return (
    <BlockStack gap="200">
      <InlineStack gap="200" blockAlign="center">
        <Badge tone={delivered ? "success" : "critical"}>{delivered ? t("testDelivered") : t("testFailed")}</Badge>
        <Text as="span">
          {t("testStatusCode")}: {report.statusCode ?? "—"}
        </Text>
        <Text as="span">
          {t("testLatency")}: {t("latencyValue", { ms: report.latencyMs })}
        </Text>
      </InlineStack>
      {report.error && (
        <Text as="p" tone="critical">
          {t("testError")}: {report.error}
        </Text>
      )}
      <Text as="h3" variant="headingSm">
        {report.responseTruncated ? t("testResponseTruncated") : t("testResponse")}
      </Text>
      {report.responseBody ? (
        <Box background="bg-surface-secondary" padding="300" borderRadius="200">
          <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all", fontFamily: "var(--p-font-family-mono)" }}>{report.responseBody}</pre>
        </Box>
      ) : (
        <Text as="p" tone="subdued">
          {t("testNoResponse")}
        </Text>
      )}
    </BlockStack>
  );
}
