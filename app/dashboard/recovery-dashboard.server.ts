import type { Db } from "~/db/client.server";
import { holdoutUplift, type HoldoutUplift } from "~/experiments/holdout-uplift";
import { dailyStatsBetween, hasDailyStats, variantLabels } from "~/models/daily-stat.server";
import { activeSequenceVersion } from "~/models/sequence.server";
import { findShop } from "~/models/shop.server";
import type { SurveyReason } from "~/recovery/survey-reasons";
import { surveyBreakdown } from "~/survey/survey-breakdown.server";
import { dailySeries, type DayFigures } from "./daily-series";
import { sumDailyStats } from "./daily-stat-sums";
import { dashboardPeriod, type PeriodLength } from "./dashboard-period";
import { dashboardSummary, type DashboardSummary } from "./dashboard-summary";
import { stepFunnel, type FunnelStep } from "./step-funnel";

export interface RecoveryDashboard {
  period: { length: PeriodLength; first: string; last: string };
  currency: string;
  /** False until the shop's first checkout is abandoned: the page then explains what will happen. */
  hasData: boolean;
  /** What the empty state explains: the abandonment threshold and the sequence's email delays. */
  setup: { abandonmentMinutes: number; emailDelaysMinutes: number[] };
  summary: DashboardSummary;
  /** Null unless the shop holds shoppers out, now or during the period. */
  holdout: HoldoutUplift | null;
  series: DayFigures[];
  funnel: FunnelStep[];
  /** The last email's "why didn't you buy?" answers given during the period, per reason. */
  survey: Record<SurveyReason, number>;
}

/**
 * The shop's recovery figures for the last 7, 30 or 90 days in its timezone, read from the daily
 * rollups: a few dozen rows per period whatever the number of checkouts behind them. Serializable as
 * it is. Null for a shop we do not know.
 */
export async function recoveryDashboard(db: Db, domain: string, length: PeriodLength, now: Date): Promise<RecoveryDashboard | null> {
  const shop = await findShop(db, domain);
  if (!shop) return null;
  const period = dashboardPeriod(length, now, shop.timezone);
  const [first, last] = [period.days[0]!, period.days.at(-1)!];
  const [rows, hasData, sequence, survey] = await Promise.all([
    dailyStatsBetween(db, domain, first, last),
    hasDailyStats(db, domain),
    activeSequenceVersion(db, domain),
    surveyBreakdown(db, domain, period),
  ]);
  const totals = sumDailyStats(rows.filter((row) => row.position === 0));
  const steps = sequence?.steps ?? [];
  const labels = await variantLabels(db, domain, [...new Set(rows.map((row) => row.variantId).filter(Boolean))]);
  return {
    period: { length, first, last },
    currency: shop.currency,
    hasData,
    setup: {
      abandonmentMinutes: shop.abandonmentMinutes,
      emailDelaysMinutes: steps.filter((step) => step.enabled && step.channel === "email").map((step) => step.delayMinutes),
    },
    summary: dashboardSummary(totals, shop.currency),
    holdout: shop.holdoutPercent > 0 || totals.heldOut > 0 ? holdoutUplift(totals) : null,
    series: dailySeries(period.days, rows),
    funnel: stepFunnel(steps, rows, labels, shop.currency),
    survey,
  };
}
