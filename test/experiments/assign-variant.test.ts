import { describe, expect, it } from "vitest";
import { assignVariant, type WeightedVariant } from "~/experiments/assign-variant";

const ENROLLMENTS = Array.from({ length: 20_000 }, (_, index) => index + 1);
const STEP_ID = 42;

function shares(variants: WeightedVariant[], stepId = STEP_ID): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(variants.map(({ label }) => [label, 0]));
  for (const enrollmentId of ENROLLMENTS) counts[assignVariant(variants, enrollmentId, stepId).label]!++;
  return Object.fromEntries(Object.entries(counts).map(([label, count]) => [label, count / ENROLLMENTS.length]));
}

const AB = [
  { id: 11, label: "A", weight: 1 },
  { id: 12, label: "B", weight: 1 },
];

describe("assignVariant", () => {
  it("gives an enrollment the same variant every time, whatever order the variants come in", () => {
    for (const enrollmentId of ENROLLMENTS.slice(0, 500)) {
      const first = assignVariant(AB, enrollmentId, STEP_ID);
      expect(assignVariant(AB, enrollmentId, STEP_ID)).toBe(first);
      expect(assignVariant([...AB].reverse(), enrollmentId, STEP_ID)).toBe(first);
    }
  });

  it("splits equal weights evenly, within a point and a half", () => {
    expect(Math.abs(shares(AB).A! - 0.5)).toBeLessThan(0.015);
  });

  it("follows unequal weights, for two to four variants", () => {
    const threeToOne = shares([
      { id: 1, label: "A", weight: 3 },
      { id: 2, label: "B", weight: 1 },
    ]);
    expect(Math.abs(threeToOne.A! - 0.75)).toBeLessThan(0.015);

    const four = shares([
      { id: 1, label: "A", weight: 1 },
      { id: 2, label: "B", weight: 2 },
      { id: 3, label: "C", weight: 3 },
      { id: 4, label: "D", weight: 4 },
    ]);
    for (const [label, expected] of [["A", 0.1], ["B", 0.2], ["C", 0.3], ["D", 0.4]] as const) {
      expect(Math.abs(four[label]! - expected)).toBeLessThan(0.015);
    }
  });

  it("assigns each step independently, so an enrollment in A at one step is not always in A at the next", () => {
    const sameAtBothSteps = ENROLLMENTS.filter((id) => assignVariant(AB, id, 1).label === assignVariant(AB, id, 2).label).length;
    expect(Math.abs(sameAtBothSteps / ENROLLMENTS.length - 0.5)).toBeLessThan(0.015);
  });

  it("gives a lone variant all the traffic", () => {
    const only = { id: 5, label: "A", weight: 2 };
    expect(ENROLLMENTS.slice(0, 100).every((id) => assignVariant([only], id, STEP_ID) === only)).toBe(true);
  });

  it("refuses no variants, and weights that are not positive integers", () => {
    expect(() => assignVariant([], 1, STEP_ID)).toThrow(RangeError);
    for (const weight of [0, -1, 1.5, Number.NaN]) {
      expect(() => assignVariant([AB[0]!, { ...AB[1]!, weight }], 1, STEP_ID)).toThrow(RangeError);
    }
  });
});
