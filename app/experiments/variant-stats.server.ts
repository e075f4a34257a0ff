import type { Db } from "~/db/client.server";
import { findStepVariants, variantOutcomes, variantRevenue, type MoneyTotal } from "~/models/step-variant.server";
import type { Random } from "./beta-sampler";
import { MONTE_CARLO_SAMPLES } from "./leading-variant";
import { probabilityOfBeingBest } from "./probability-of-being-best";
import { armFor, type VariantOutcome, type WinnerMetric } from "./winner-metric";

export interface VariantStats extends Omit<VariantOutcome, "variantId"> {
  id: number;
  label: string;
  weight: number;
  winner: boolean;
  /** Orders attributed to a click on this variant's messages; one entry per currency, usually the shop's only one. */
  revenue: MoneyTotal[];
  /** The current chance that this variant's rate is the highest, on each metric, whichever one the step optimises. */
  probabilityBest: Record<WinnerMetric, number>;
}

/** A step's A/B results for the dashboard, one entry per variant in label order; empty for a step without variants. */
export async function variantStats(db: Db, shop: string, stepId: number, random: Random): Promise<VariantStats[]> {
  const step = await findStepVariants(db, shop, stepId);
  if (!step?.variants.length) return [];
  const outcomes = await variantOutcomes(db, shop, stepId);
  const revenue = await variantRevenue(db, shop, stepId);
  const outcomeOf = (variantId: number) => outcomes.find((outcome) => outcome.variantId === variantId);
  const probabilitiesBest = (metric: WinnerMetric) =>
    probabilityOfBeingBest(
      step.variants.map((variant) => armFor(outcomeOf(variant.id), metric)),
      { samples: MONTE_CARLO_SAMPLES, random },
    );
  const click = probabilitiesBest("click");
  const recovery = probabilitiesBest("recovery");
  return step.variants.map((variant, index) => {
    const outcome = outcomeOf(variant.id);
    return {
      id: variant.id,
      label: variant.label,
      weight: variant.weight,
      winner: variant.id === step.winnerVariantId,
      sent: outcome?.sent ?? 0,
      opened: outcome?.opened ?? 0,
      clicked: outcome?.clicked ?? 0,
      recovered: outcome?.recovered ?? 0,
      revenue: revenue.filter((total) => total.variantId === variant.id).map(({ currency, amountMinor }) => ({ currency, amountMinor })),
      probabilityBest: { click: click[index]!, recovery: recovery[index]! },
    };
  });
}
