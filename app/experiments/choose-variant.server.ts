import type { Db } from "~/db/client.server";
import { logger } from "~/lib/logger.server";
import { declareWinningVariant, variantOutcomes } from "~/models/step-variant.server";
import { assignVariant } from "./assign-variant";
import type { Random } from "./beta-sampler";
import { leadingArm } from "./leading-variant";
import { armFor, isWinnerMetric } from "./winner-metric";

/** What a send needs of the variant it uses: its subject and template replace the step's when set. */
export interface ChosenVariant {
  id: number;
  label: string;
  subject: string | null;
  templateId: number | null;
}

export interface StepWithVariants {
  id: number;
  autoWinnerMetric: string | null;
  autoWinnerMinSample: number | null;
  winnerVariantId: number | null;
  variants: readonly (ChosenVariant & { weight: number })[];
}

/** Sends each variant needs before an automatic winner can be declared, when the step does not say. */
export const DEFAULT_MIN_SAMPLE = 100;

/**
 * The variant an enrollment's message uses at a step: none without variants; the winner once there is
 * one; else, with an automatic winner on, the variant that now leads clearly enough (declared here, so
 * all later traffic goes to it); else the enrollment's own weighted assignment.
 */
export async function chooseStepVariant(db: Db, shop: string, step: StepWithVariants, enrollmentId: number, random: Random): Promise<ChosenVariant | null> {
  if (step.variants.length === 0) return null;
  const chosen =
    step.variants.find((variant) => variant.id === step.winnerVariantId) ??
    (await declareLeader(db, shop, step, random)) ??
    assignVariant(step.variants, enrollmentId, step.id);
  return { id: chosen.id, label: chosen.label, subject: chosen.subject, templateId: chosen.templateId };
}

async function declareLeader(db: Db, shop: string, step: StepWithVariants, random: Random) {
  const metric = step.autoWinnerMetric;
  if (step.winnerVariantId !== null || !isWinnerMetric(metric)) return null;
  const outcomes = await variantOutcomes(db, shop, step.id);
  const arms = step.variants.map((variant) => armFor(outcomes.find((outcome) => outcome.variantId === variant.id), metric));
  const leader = leadingArm(arms, { minSample: step.autoWinnerMinSample ?? DEFAULT_MIN_SAMPLE, random });
  if (!leader) return null;
  const variant = step.variants[leader.index]!;
  // Another process declared a winner a moment ago: this send keeps its assignment, later ones get that winner.
  if (!(await declareWinningVariant(db, shop, step.id, variant.id))) return null;
  logger.info("A/B test winner declared", {
    shop,
    stepId: step.id,
    variantId: variant.id,
    label: variant.label,
    metric,
    probabilityBest: leader.probability,
    arms: arms.map((arm, index) => ({ label: step.variants[index]!.label, ...arm })),
  });
  return variant;
}
