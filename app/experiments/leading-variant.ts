import type { Random } from "./beta-sampler";
import { probabilityOfBeingBest, type Arm } from "./probability-of-being-best";

/** How sure the test must be before one arm takes all the traffic. */
export const WINNER_PROBABILITY = 0.9;
/** Monte Carlo draws per decision: the estimate's standard error near 90 % is 0.3 points. */
export const MONTE_CARLO_SAMPLES = 10_000;

/**
 * The arm that leads with at least 90 % probability, once every arm has been tried `minSample` times;
 * null while the test is too young or too close. A lone arm is not a test and never wins.
 */
export function leadingArm(arms: readonly Arm[], { minSample, random }: { minSample: number; random: Random }): { index: number; probability: number } | null {
  if (arms.length < 2 || arms.some((arm) => arm.trials < minSample)) return null;
  const probabilities = probabilityOfBeingBest(arms, { samples: MONTE_CARLO_SAMPLES, random });
  const index = probabilities.findIndex((probability) => probability >= WINNER_PROBABILITY);
  return index === -1 ? null : { index, probability: probabilities[index]! };
}
