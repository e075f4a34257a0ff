import { lazy, Suspense, useId } from "react";
import { BlockStack, Box, Card, Text } from "@shopify/polaris";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import type { DayFigures } from "./daily-series";
import { dashboardMessages } from "./dashboard-messages";
import { formatCount, formatDay } from "./format-figures";
import { useHydrated } from "./use-hydrated";

const RecoveryChart = lazy(() => import("./recovery-chart"));
const CHART_HEIGHT = "280px";

/**
 * Abandoned checkouts against recovered orders, day by day. The chart draws in the browser only; the
 * sentence under it says the same in words, for the server render and for screen readers.
 */
export function DailyChartCard({ series }: { series: DayFigures[] }) {
  const t = useMessages(dashboardMessages);
  const locale = useUiLocale();
  const hydrated = useHydrated();
  const headingId = useId();
  const placeholder = <Box minHeight={CHART_HEIGHT} background="bg-surface-secondary" borderRadius="200" />;
  return (
    <section aria-labelledby={headingId}>
      <Card>
        <BlockStack gap="400">
          <Text as="h2" id={headingId} variant="headingMd">
            {t("chartTitle")}
          </Text>
          <div style={{ height: CHART_HEIGHT }}>
            {hydrated ? (
              <Suspense fallback={placeholder}>
                <RecoveryChart series={series} locale={locale} names={{ abandoned: t("chartAbandoned"), recovered: t("chartRecovered") }} />
              </Suspense>
            ) : (
              placeholder
            )}
          </div>
          <ChartSummary series={series} />
        </BlockStack>
      </Card>
    </section>
  );
}

/** The chart in one or two sentences: the period's totals and its busiest day. */
function ChartSummary({ series }: { series: DayFigures[] }) {
  const t = useMessages(dashboardMessages);
  const locale = useUiLocale();
  const total = (pick: (day: DayFigures) => number) =>
    formatCount(
      series.reduce((sum, day) => sum + pick(day), 0),
      locale,
    );
  const busiest = series.reduce((best, day) => (day.abandoned > best.abandoned ? day : best));
  return (
    <Text as="p" tone="subdued">
      {t("chartSummary", {
        first: formatDay(series[0]!.day, locale),
        last: formatDay(series.at(-1)!.day, locale),
        abandoned: total((day) => day.abandoned),
        recovered: total((day) => day.recovered),
      })}
      {busiest.abandoned > 0 && ` ${t("chartBusiestDay", { day: formatDay(busiest.day, locale), count: formatCount(busiest.abandoned, locale) })}`}
    </Text>
  );
}
