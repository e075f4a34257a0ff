import type { LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { Banner, BlockStack, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { boundary } from "@shopify/shopify-app-remix/server";
import { DailyChartCard } from "~/dashboard/daily-chart-card";
import { dashboardMessages } from "~/dashboard/dashboard-messages";
import { parsePeriodLength } from "~/dashboard/dashboard-period";
import { EmptyDashboard } from "~/dashboard/empty-dashboard";
import { formatDay } from "~/dashboard/format-figures";
import { FunnelTable } from "~/dashboard/funnel-table";
import { PeriodSelector } from "~/dashboard/period-selector";
import { recoveryDashboard } from "~/dashboard/recovery-dashboard.server";
import { SummaryCards } from "~/dashboard/summary-cards";
import { SurveyCard } from "~/dashboard/survey-card";
import { db } from "~/db/client.server";
import { commonMessages } from "~/i18n/common-messages";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import { authenticate } from "~/shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisVizStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const length = parsePeriodLength(new URL(request.url).searchParams.get("period"));
  return { dashboard: await recoveryDashboard(db, session.shop, length, new Date()) };
};

export default function Dashboard() {
  const { dashboard } = useLoaderData<typeof loader>();
  const t = useMessages(dashboardMessages);
  const locale = useUiLocale();
  if (!dashboard) return <DashboardProblem message={t("loadError")} />;
  if (!dashboard.hasData) {
    return (
      <Page title={t("title")}>
        <EmptyDashboard setup={dashboard.setup} />
      </Page>
    );
  }
  const { period, summary, holdout, currency, series, funnel, survey } = dashboard;
  return (
    <Page title={t("title")}>
      <BlockStack gap="500">
        <InlineStack align="space-between" blockAlign="center" gap="300">
          <Text as="p" tone="subdued">
            {t("periodRange", { first: formatDay(period.first, locale), last: formatDay(period.last, locale) })}
          </Text>
          <PeriodSelector selected={period.length} />
        </InlineStack>
        <SummaryCards summary={summary} holdout={holdout} currency={currency} />
        <DailyChartCard series={series} />
        <FunnelTable funnel={funnel} currency={currency} />
        <SurveyCard survey={survey} />
      </BlockStack>
    </Page>
  );
}

function DashboardProblem({ message }: { message: string }) {
  const t = useMessages(dashboardMessages);
  const common = useMessages(commonMessages);
  return (
    <Page title={t("title")}>
      <Layout>
        <Layout.Section>
          <Banner tone="critical" title={common("errorTitle")}>
            <p>{message}</p>
          </Banner>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

// Responses Shopify's authentication throws render as Shopify needs; anything else is our own failure.
export function ErrorBoundary() {
  const error = useRouteError();
  const t = useMessages(commonMessages);
  if (isRouteErrorResponse(error)) return boundary.error(error);
  return <DashboardProblem message={t("errorBody")} />;
}
