import { describe, expect, it } from "vitest";
import { seededRandom } from "~/experiments/seeded-random";

const draw = (random: () => number, count: number) => Array.from({ length: count }, random);

describe("seededRandom", () => {
  it("repeats its sequence for a seed, and another seed gives another sequence", () => {
    expect(draw(seededRandom(7), 100)).toEqual(draw(seededRandom(7), 100));
    expect(draw(seededRandom(8), 100)).not.toEqual(draw(seededRandom(7), 100));
  });

  it("draws uniformly from [0, 1)", () => {
    const values = draw(seededRandom(1), 100_000);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    const belowTenth = values.filter((value) => value < 0.1).length / values.length;
    expect(Math.abs(belowTenth - 0.1)).toBeLessThan(0.005);
  });
});
