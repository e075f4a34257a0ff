import { describe, expect, it } from "vitest";
import { sampleBeta, sampleGamma } from "~/experiments/beta-sampler";
import { seededRandom } from "~/experiments/seeded-random";

const DRAWS = 40_000;

function moments(draw: () => number): { mean: number; variance: number } {
  const values = Array.from({ length: DRAWS }, draw);
  const mean = values.reduce((sum, value) => sum + value, 0) / DRAWS;
  return { mean, variance: values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / DRAWS };
}

describe("sampleGamma", () => {
  it.each([1, 2.5, 30])("has mean and variance equal to its shape %d", (shape) => {
    const random = seededRandom(shape * 100);
    const { mean, variance } = moments(() => sampleGamma(shape, random));
    expect(Math.abs(mean - shape) / shape).toBeLessThan(0.02);
    expect(Math.abs(variance - shape) / shape).toBeLessThan(0.05);
  });

  it("refuses shapes below 1, which Beta(1 + s, 1 + f) never needs", () => {
    expect(() => sampleGamma(0.5, Math.random)).toThrow(RangeError);
  });

  it("fails, rather than looping for ever, on a random source that is not uniform on [0, 1)", () => {
    expect(() => sampleGamma(2, () => 1)).toThrow(RangeError);
  });
});

describe("sampleBeta", () => {
  it("has the mean and variance of Beta(alpha, beta)", () => {
    const [alpha, beta] = [3, 9];
    const random = seededRandom(11);
    const { mean, variance } = moments(() => sampleBeta(alpha, beta, random));
    expect(Math.abs(mean - alpha / (alpha + beta))).toBeLessThan(0.003);
    const expectedVariance = (alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
    expect(Math.abs(variance - expectedVariance) / expectedVariance).toBeLessThan(0.05);
  });
});
