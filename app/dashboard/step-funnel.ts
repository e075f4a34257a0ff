import { fromMinorUnits } from "~/lib/money";
import type { DailyStatCounts, DailyStatRow } from "~/models/daily-stat.server";
import { sumDailyStats } from "./daily-stat-sums";

export interface FunnelFigures {
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  recoveredOrders: number;
  /** Decimal string in the shop's currency. */
  recoveredRevenue: string;
}

export interface FunnelStep {
  position: number;
  /** From the shop's current sequence; null for a step it no longer has. */
  channel: string | null;
  delayMinutes: number | null;
  figures: FunnelFigures;
  /** The step's A/B variants with figures in the period, by label. */
  variants: { label: string; figures: FunnelFigures }[];
}

export interface SequenceStep {
  position: number;
  channel: string;
  delayMinutes: number;
  enabled: boolean;
}

/**
 * The period's figures per step: every enabled step of the current sequence, zeros included, and any
 * other position that still has figures (a step removed since), each followed by its variants.
 */
export function stepFunnel(steps: SequenceStep[], rows: DailyStatRow[], labels: Map<number, string>, currency: string): FunnelStep[] {
  const positions = new Set([...steps.filter((step) => step.enabled).map((step) => step.position), ...rows.map((row) => row.position)]);
  positions.delete(0);
  const figures = (matching: DailyStatRow[]) => funnelFigures(sumDailyStats(matching), currency);
  // A new version of the sequence gives the step's variants new ids: the same label is the same arm.
  const labelOf = (row: DailyStatRow) => labels.get(row.variantId) ?? `#${row.variantId}`;
  return [...positions]
    .sort((a, b) => a - b)
    .map((position) => {
      const step = steps.find((candidate) => candidate.position === position);
      const ofStep = rows.filter((row) => row.position === position);
      const variantRows = ofStep.filter((row) => row.variantId !== 0);
      return {
        position,
        channel: step?.channel ?? null,
        delayMinutes: step?.delayMinutes ?? null,
        figures: figures(ofStep.filter((row) => row.variantId === 0)),
        variants: [...new Set(variantRows.map(labelOf))]
          .sort()
          .map((label) => ({ label, figures: figures(variantRows.filter((row) => labelOf(row) === label)) })),
      };
    });
}

function funnelFigures(sum: DailyStatCounts, currency: string): FunnelFigures {
  return {
    sent: sum.emailed,
    delivered: sum.delivered,
    opened: sum.opened,
    clicked: sum.clicked,
    recoveredOrders: sum.recoveredOrders,
    recoveredRevenue: fromMinorUnits(sum.recoveredRevenueMinor, currency),
  };
}
