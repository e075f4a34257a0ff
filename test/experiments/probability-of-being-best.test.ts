import { describe, expect, it } from "vitest";
import { probabilityOfBeingBest } from "~/experiments/probability-of-being-best";
import { seededRandom } from "~/experiments/seeded-random";

const run = (arms: { successes: number; trials: number }[], seed = 1, samples = 20_000) => probabilityOfBeingBest(arms, { samples, random: seededRandom(seed) });
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe("probabilityOfBeingBest", () => {
  it("is sure of a clear winner", () => {
    const [a, b] = run([
      { successes: 30, trials: 100 },
      { successes: 10, trials: 100 },
    ]);
    expect(a).toBeGreaterThan(0.99);
    expect(b).toBeLessThan(0.01);
  });

  it("splits equal arms about evenly", () => {
    const probabilities = run([
      { successes: 50, trials: 100 },
      { successes: 50, trials: 100 },
    ]);
    for (const probability of probabilities) expect(Math.abs(probability - 0.5)).toBeLessThan(0.02);
    const untried = run([0, 0, 0].map(() => ({ successes: 0, trials: 0 })));
    for (const probability of untried) expect(Math.abs(probability - 1 / 3)).toBeLessThan(0.02);
  });

  it("matches the exact answer for one success against one failure: P(Beta(2,1) > Beta(1,2)) = 5/6", () => {
    const [better] = run([
      { successes: 1, trials: 1 },
      { successes: 0, trials: 1 },
    ]);
    expect(Math.abs(better! - 5 / 6)).toBeLessThan(0.01);
  });

  it("finds the leader wherever it stands, and its probabilities sum to 1", () => {
    const probabilities = run([
      { successes: 12, trials: 200 },
      { successes: 15, trials: 200 },
      { successes: 40, trials: 200 },
      { successes: 14, trials: 200 },
    ]);
    expect(probabilities.indexOf(Math.max(...probabilities))).toBe(2);
    expect(sum(probabilities)).toBeCloseTo(1, 10);
  });

  it("is reproducible for a seed", () => {
    const arms = [
      { successes: 20, trials: 100 },
      { successes: 24, trials: 100 },
    ];
    expect(run(arms, 42, 5_000)).toEqual(run(arms, 42, 5_000));
    expect(run(arms, 42, 5_000)).not.toEqual(run(arms, 43, 5_000));
  });

  it("answers nothing for no arms, and refuses impossible counts or sample sizes", () => {
    expect(run([])).toEqual([]);
    expect(() => run([{ successes: 3, trials: 2 }])).toThrow(RangeError);
    expect(() => run([{ successes: -1, trials: 2 }])).toThrow(RangeError);
    expect(() => run([{ successes: 1.5, trials: 2 }])).toThrow(RangeError);
    expect(() => run([{ successes: 1, trials: 2 }], 1, 0)).toThrow(RangeError);
  });
});
