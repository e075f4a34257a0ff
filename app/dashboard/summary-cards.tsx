import { InlineGrid } from "@shopify/polaris";
import type { HoldoutUplift } from "~/experiments/holdout-uplift";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import { formatMoney } from "~/lib/money";
import { dashboardMessages } from "./dashboard-messages";
import type { DashboardSummary } from "./dashboard-summary";
import { formatCount, formatPoints, formatRate } from "./format-figures";
import { StatCard } from "./stat-card";

interface SummaryCardsProps {
  summary: DashboardSummary;
  holdout: HoldoutUplift | null;
  currency: string;
}

export function SummaryCards({ summary, holdout, currency }: SummaryCardsProps) {
  const t = useMessages(dashboardMessages);
  const locale = useUiLocale();
  const count = (value: number) => formatCount(value, locale);
  const rate = (value: number | null) => formatRate(value, locale) ?? t("notApplicable");
  const money = (amount: string) => formatMoney(amount, currency, locale);
  return (
    <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
      <StatCard label={t("abandoned")} value={count(summary.abandoned)} caption={t("abandonedCaption", { value: money(summary.abandonedValue) })} />
      <StatCard label={t("recoveredOrders")} value={count(summary.recovered.orders)} caption={t("recoveredOrdersCaption")} />
      <StatCard label={t("recoveredRevenue")} value={money(summary.recovered.revenue)} caption={t("recoveredRevenueCaption")} />
      <StatCard label={t("recoveryRate")} value={rate(summary.recoveryRate)} caption={t("recoveryRateCaption")} />
      <StatCard
        label={t("enrolled")}
        value={count(summary.enrolled)}
        caption={holdout ? t("enrolledHoldoutCaption", { count: count(summary.heldOut) }) : t("enrolledCaption")}
      />
      <StatCard label={t("emailed")} value={count(summary.emailed)} caption={t("emailedCaption", { count: count(summary.delivered) })} />
      <StatCard label={t("openRate")} value={rate(summary.openRate)} caption={t("openRateCaption", { count: count(summary.opened) })} />
      <StatCard label={t("clickRate")} value={rate(summary.clickRate)} caption={t("clickRateCaption", { count: count(summary.clicked) })} />
      <StatCard
        label={t("boughtAfterEmail")}
        value={money(summary.boughtAfterEmail.revenue)}
        caption={t("boughtAfterEmailCaption", { count: count(summary.boughtAfterEmail.orders) })}
      />
      <StatCard
        label={t("bannerShown")}
        value={count(summary.banner.shown)}
        caption={
          summary.banner.shown
            ? t("bannerShownCaption", { shown: count(summary.banner.shown), clicked: count(summary.banner.clicked) })
            : t("bannerOffCaption")
        }
      />
      {holdout && (
        <StatCard
          label={t("holdoutUplift")}
          value={holdout.uplift === null ? t("notApplicable") : t("holdoutUpliftValue", { points: formatPoints(holdout.uplift, locale) })}
          caption={
            holdout.treated.rate === null || holdout.holdout.rate === null
              ? t("holdoutUpliftPending")
              : t("holdoutUpliftCaption", { treated: rate(holdout.treated.rate), holdout: rate(holdout.holdout.rate) })
          }
        />
      )}
    </InlineGrid>
  );
}
