import { describe, expect, it } from "vitest";
import { MAX_RETRY_AGE_MS, retryDelayMs, retryGivesUp } from "~/sequencer/retry-policy";

const MINUTE = 60_000;

describe("retry policy", () => {
  it("doubles the delay with each attempt, up to an hour", () => {
    const noJitter = () => 1;
    expect([1, 2, 3, 4, 10].map((attempt) => retryDelayMs(attempt, undefined, noJitter))).toEqual([
      1 * MINUTE,
      2 * MINUTE,
      4 * MINUTE,
      8 * MINUTE,
      60 * MINUTE,
    ]);
  });

  it("spreads retries with jitter between half and the whole delay", () => {
    expect(retryDelayMs(3, undefined, () => 0)).toBe(2 * MINUTE);
    expect(retryDelayMs(3, undefined, () => 0.5)).toBe(3 * MINUTE);
  });

  it("never retries sooner than the provider's Retry-After", () => {
    expect(retryDelayMs(1, 10 * MINUTE, () => 1)).toBe(10 * MINUTE);
  });

  it("gives up once the next attempt would be more than a day after the step came due", () => {
    const due = new Date("2026-11-20T00:00:00Z");
    expect(retryGivesUp(due, new Date(due.getTime() + MAX_RETRY_AGE_MS))).toBe(false);
    expect(retryGivesUp(due, new Date(due.getTime() + MAX_RETRY_AGE_MS + 1))).toBe(true);
  });
});
