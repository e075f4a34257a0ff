import { BlockStack, Card, EmptyState, Text } from "@shopify/polaris";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import { dashboardMessages } from "./dashboard-messages";
import { formatDelay, formatList } from "./format-figures";

// Drawn here rather than loaded from Shopify's CDN: the admin frame may block third-party images.
const CART_ILLUSTRATION = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="226" height="226" viewBox="0 0 226 226"><circle cx="113" cy="113" r="100" fill="#ebebeb"/><path d="M58 86h18l17 56h64l15-43H84" fill="none" stroke="#8a8a8a" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/><circle cx="101" cy="162" r="9" fill="#8a8a8a"/><circle cx="149" cy="162" r="9" fill="#8a8a8a"/><path d="M154 70Q128 40 102 62m0 0 1-14m-1 14 14 1" fill="none" stroke="#616161" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/></svg>',
)}`;

export interface DashboardSetup {
  abandonmentMinutes: number;
  emailDelaysMinutes: number[];
}

/** Before the first abandoned checkout: what will happen, and where to change it. */
export function EmptyDashboard({ setup }: { setup: DashboardSetup }) {
  const t = useMessages(dashboardMessages);
  const locale = useUiLocale();
  const delays = setup.emailDelaysMinutes.map((minutes) => formatDelay(minutes, locale));
  return (
    <Card>
      <EmptyState
        heading={t("emptyHeading")}
        image={CART_ILLUSTRATION}
        action={{ content: t("emptySettings"), url: "/app/settings" }}
        secondaryAction={{ content: t("emptySequenceAction"), url: "/app/sequence" }}
      >
        {/* EmptyState wraps its content in a span: lines, not paragraphs. */}
        <BlockStack gap="100">
          <Text as="span">{t("emptyCheckouts")}</Text>
          <Text as="span">{t("emptyAbandoned", { minutes: setup.abandonmentMinutes })}</Text>
          <Text as="span">{delays.length ? t("emptySequence", { delays: formatList(delays, locale) }) : t("emptyNoSequence")}</Text>
        </BlockStack>
      </EmptyState>
    </Card>
  );
}
