import { fromMinorUnits } from "~/lib/money";
import type { DailyStatCounts } from "~/models/daily-stat.server";

/** The period's headline figures; money as decimal strings in the shop's currency, rates as fractions or null. */
export interface DashboardSummary {
  abandoned: number;
  abandonedValue: string;
  enrolled: number;
  heldOut: number;
  emailed: number;
  delivered: number;
  opened: number;
  clicked: number;
  /** Of delivered emails. */
  openRate: number | null;
  clickRate: number | null;
  /** Orders after a recovery-link click. */
  recovered: { orders: number; revenue: string };
  /** Orders after an email that was not clicked: shown apart, never added to recovered revenue. */
  boughtAfterEmail: { orders: number; revenue: string };
  /** Recovered orders per abandoned checkout. */
  recoveryRate: number | null;
  /** Visits on which the storefront banner showed, and was clicked. */
  banner: { shown: number; clicked: number };
}

/** part / whole, or null when there is no whole to speak of. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function dashboardSummary(totals: DailyStatCounts, currency: string): DashboardSummary {
  return {
    abandoned: totals.abandoned,
    abandonedValue: fromMinorUnits(totals.abandonedValueMinor, currency),
    enrolled: totals.enrolled,
    heldOut: totals.heldOut,
    emailed: totals.emailed,
    delivered: totals.delivered,
    opened: totals.opened,
    clicked: totals.clicked,
    openRate: ratio(totals.opened, totals.delivered),
    clickRate: ratio(totals.clicked, totals.delivered),
    recovered: { orders: totals.recoveredOrders, revenue: fromMinorUnits(totals.recoveredRevenueMinor, currency) },
    boughtAfterEmail: { orders: totals.afterEmailOrders, revenue: fromMinorUnits(totals.afterEmailRevenueMinor, currency) },
    recoveryRate: ratio(totals.recoveredOrders, totals.abandoned),
    banner: { shown: totals.bannerShown, clicked: totals.bannerClicked },
  };
}
