import { useId } from "react";
import { BlockStack, Box, Card, DataTable, Text } from "@shopify/polaris";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import { formatMoney } from "~/lib/money";
import { dashboardMessages } from "./dashboard-messages";
import { formatCount, formatDelay } from "./format-figures";
import type { FunnelFigures, FunnelStep } from "./step-funnel";

/** Each step of the sequence from sent to recovered revenue, its A/B variants indented under it. */
export function FunnelTable({ funnel, currency }: { funnel: FunnelStep[]; currency: string }) {
  const t = useMessages(dashboardMessages);
  const locale = useUiLocale();
  const headingId = useId();
  const figures = (of: FunnelFigures) => [
    ...[of.sent, of.delivered, of.opened, of.clicked, of.recoveredOrders].map((value) => formatCount(value, locale)),
    formatMoney(of.recoveredRevenue, currency, locale),
  ];
  const describe = (step: FunnelStep) => {
    if (step.channel === null || step.delayMinutes === null) return t("funnelRemovedStep");
    const delay = formatDelay(step.delayMinutes, locale);
    return step.channel === "webhook" ? t("funnelWebhookStep", { delay }) : t("funnelEmailStep", { delay });
  };
  const rows = funnel.flatMap((step) => [
    [
      <BlockStack key="step" gap="050">
        <Text as="span" fontWeight="semibold">
          {t("funnelStep", { position: step.position })}
        </Text>
        <Text as="span" variant="bodySm" tone="subdued">
          {describe(step)}
        </Text>
      </BlockStack>,
      ...figures(step.figures),
    ],
    ...step.variants.map((variant) => [
      <Box key="variant" paddingInlineStart="400">
        <Text as="span">{t("funnelVariant", { label: variant.label })}</Text>
      </Box>,
      ...figures(variant.figures),
    ]),
  ]);
  return (
    <section aria-labelledby={headingId}>
      <Card padding="0">
        <Box padding="400">
          <Text as="h2" id={headingId} variant="headingMd">
            {t("funnelTitle")}
          </Text>
        </Box>
        {rows.length ? (
          <DataTable
            columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric"]}
            headings={[
              t("funnelStepColumn"),
              t("funnelSent"),
              t("funnelDelivered"),
              t("funnelOpened"),
              t("funnelClicked"),
              t("funnelRecovered"),
              t("funnelRevenue"),
            ]}
            rows={rows}
          />
        ) : (
          <Box padding="400" paddingBlockStart="0">
            <Text as="p" tone="subdued">
              {t("funnelNoSteps")}
            </Text>
          </Box>
        )}
      </Card>
    </section>
  );
}
