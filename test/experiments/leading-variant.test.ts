import { describe, expect, it } from "vitest";
import { leadingArm } from "~/experiments/leading-variant";
import { seededRandom } from "~/experiments/seeded-random";

const options = { minSample: 100, random: seededRandom(5) };

describe("leadingArm", () => {
  it("names the arm that leads with at least 90 % probability, with that probability", () => {
    const leader = leadingArm(
      [
        { successes: 10, trials: 100 },
        { successes: 11, trials: 100 },
        { successes: 30, trials: 100 },
      ],
      options,
    );
    expect(leader?.index).toBe(2);
    expect(leader?.probability).toBeGreaterThanOrEqual(0.9);
  });

  it("names none while the arms are too close", () => {
    expect(
      leadingArm(
        [
          { successes: 20, trials: 100 },
          { successes: 22, trials: 100 },
        ],
        options,
      ),
    ).toBeNull();
  });

  it("waits until every arm has its minimum sample, however clear the lead", () => {
    expect(
      leadingArm(
        [
          { successes: 90, trials: 100 },
          { successes: 1, trials: 99 },
        ],
        options,
      ),
    ).toBeNull();
  });

  it("never crowns a lone arm", () => {
    expect(leadingArm([{ successes: 90, trials: 100 }], options)).toBeNull();
  });
});
