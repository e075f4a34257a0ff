import { describe, expect, it } from "vitest";
import { holdoutUplift } from "~/experiments/holdout-uplift";

describe("holdoutUplift", () => {
  it("compares the recovery rate of shoppers sent messages with the holdout's, with the counts behind each", () => {
    const result = holdoutUplift({ enrolled: 10, enrolledRecovered: 3, heldOut: 4, heldOutRecovered: 1 });

    expect(result.treated).toEqual({ enrollments: 10, recovered: 3, rate: 0.3 });
    expect(result.holdout).toEqual({ enrollments: 4, recovered: 1, rate: 0.25 });
    expect(result.uplift).toBeCloseTo(0.05, 10);
  });

  it("has no rate for an empty group, and so no uplift", () => {
    expect(holdoutUplift({ enrolled: 2, enrolledRecovered: 2, heldOut: 0, heldOutRecovered: 0 })).toEqual({
      treated: { enrollments: 2, recovered: 2, rate: 1 },
      holdout: { enrollments: 0, recovered: 0, rate: null },
      uplift: null,
    });
  });
});
