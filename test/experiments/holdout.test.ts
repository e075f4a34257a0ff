import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isInHoldout } from "~/experiments/holdout";

// Shopper keys are SHA-256 hex digests of a contact, as contactHash makes them.
const KEYS = Array.from({ length: 20_000 }, (_, index) => createHash("sha256").update(`shopper-${index}@example.com`).digest("hex"));

const share = (percent: number) => KEYS.filter((key) => isInHoldout(key, percent)).length / KEYS.length;

describe("isInHoldout", () => {
  it("holds out no one at 0 % and everyone at 100 %", () => {
    expect(share(0)).toBe(0);
    expect(share(100)).toBe(1);
  });

  it("holds out about the share asked for", () => {
    expect(Math.abs(share(10) - 0.1)).toBeLessThan(0.01);
    expect(Math.abs(share(50) - 0.5)).toBeLessThan(0.015);
  });

  it("decides from the shopper's key alone, the same every time", () => {
    for (const key of KEYS.slice(0, 500)) expect(isInHoldout(key, 20)).toBe(isInHoldout(key, 20));
  });

  it("only adds shoppers when the percentage goes up", () => {
    const heldAtTen = KEYS.filter((key) => isInHoldout(key, 10));
    expect(heldAtTen.every((key) => isInHoldout(key, 25))).toBe(true);
  });

  it("refuses a percentage that is not a whole number from 0 to 100", () => {
    for (const percent of [-1, 101, 12.5, Number.NaN]) expect(() => isInHoldout(KEYS[0]!, percent)).toThrow(RangeError);
  });
});
