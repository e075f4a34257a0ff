import type { Arm } from "./probability-of-being-best";

/** What an A/B test optimises: the share of sends clicked, or the share that recovered a checkout. */
export type WinnerMetric = "click" | "recovery";
const WINNER_METRICS: readonly WinnerMetric[] = ["click", "recovery"];

export function isWinnerMetric(value: string | null): value is WinnerMetric {
  return (WINNER_METRICS as readonly (string | null)[]).includes(value);
}

/** A variant's results as counted from its sends. */
export interface VariantOutcome {
  variantId: number;
  sent: number;
  opened: number;
  clicked: number;
  /** Sends with an order attributed to their clicked link. */
  recovered: number;
}

/** The arm a variant is for the metric; a variant with no sends yet has tried nothing. */
export function armFor(outcome: VariantOutcome | undefined, metric: WinnerMetric): Arm {
  if (!outcome) return { successes: 0, trials: 0 };
  return { successes: metric === "click" ? outcome.clicked : outcome.recovered, trials: outcome.sent };
}
