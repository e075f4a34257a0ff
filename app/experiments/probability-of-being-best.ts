import { sampleBeta, type Random } from "./beta-sampler";

/** What one arm of a test achieved: successes (clicks, recoveries) out of trials (sends). */
export interface Arm {
  successes: number;
  trials: number;
}

/**
 * For each arm, the posterior probability that its true rate is the highest, by Monte Carlo over
 * Beta(1 + successes, 1 + failures) posteriors (a uniform prior). The result sums to 1 and, for a
 * seeded `random`, is the same on every run.
 */
export function probabilityOfBeingBest(arms: readonly Arm[], { samples, random }: { samples: number; random: Random }): number[] {
  if (!Number.isInteger(samples) || samples <= 0) throw new RangeError(`samples must be a positive integer, not ${samples}`);
  for (const { successes, trials } of arms) {
    if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || successes > trials) {
      throw new RangeError(`An arm needs whole successes between 0 and its trials, not ${successes} of ${trials}`);
    }
  }
  if (arms.length === 0) return [];
  const wins = arms.map(() => 0);
  for (let sample = 0; sample < samples; sample++) {
    let best = 0;
    let bestRate = -1;
    arms.forEach(({ successes, trials }, index) => {
      const rate = sampleBeta(1 + successes, 1 + trials - successes, random);
      if (rate > bestRate) [best, bestRate] = [index, rate];
    });
    wins[best]!++;
  }
  return wins.map((count) => count / samples);
}
