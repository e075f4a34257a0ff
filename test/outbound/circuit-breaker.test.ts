import { describe, expect, it } from "vitest";
import { afterFailure, type BreakerState, breakerPosition, FAILURES_TO_OPEN, FIRST_COOL_DOWN_MS, LONGEST_COOL_DOWN_MS, PROBE_HOLD_MS, probing } from "~/outbound/circuit-breaker";

const NOW = new Date("2026-11-21T10:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe("circuit breaker", () => {
  it("counts failures while closed and opens at the fifth for ten minutes", () => {
    let state: BreakerState = { consecutiveFailures: 0, pausedUntil: null };
    for (let failure = 1; failure < FAILURES_TO_OPEN; failure++) {
      state = afterFailure(state, NOW, { probe: false })!;
      expect(state).toEqual({ consecutiveFailures: failure, pausedUntil: null });
      expect(breakerPosition(state, NOW)).toBe("closed");
    }
    state = afterFailure(state, NOW, { probe: false })!;
    expect(FAILURES_TO_OPEN).toBe(5);
    expect(state).toEqual({ consecutiveFailures: 5, pausedUntil: later(FIRST_COOL_DOWN_MS) });
    expect(FIRST_COOL_DOWN_MS).toBe(10 * 60_000);
    expect(breakerPosition(state, NOW)).toBe("open");
  });

  it("is half-open once the cool-down is over", () => {
    const open = { consecutiveFailures: 5, pausedUntil: later(FIRST_COOL_DOWN_MS) };
    expect(breakerPosition(open, later(FIRST_COOL_DOWN_MS - 1))).toBe("open");
    expect(breakerPosition(open, later(FIRST_COOL_DOWN_MS))).toBe("half_open");
  });

  it("holds the breaker open for others while a probe is out", () => {
    const held = probing({ consecutiveFailures: 5, pausedUntil: NOW }, NOW);
    expect(held).toEqual({ consecutiveFailures: 5, pausedUntil: later(PROBE_HOLD_MS) });
    expect(breakerPosition(held, NOW)).toBe("open");
  });

  it("ignores a failure of an attempt that started before the breaker opened", () => {
    expect(afterFailure({ consecutiveFailures: 5, pausedUntil: later(60_000) }, NOW, { probe: false })).toBeNull();
  });

  it("doubles the cool-down after each failed probe, up to two hours", () => {
    const cooldowns = [];
    let state: BreakerState = { consecutiveFailures: 5, pausedUntil: later(PROBE_HOLD_MS) };
    for (let probe = 0; probe < 6; probe++) {
      state = afterFailure(state, NOW, { probe: true })!;
      cooldowns.push((state.pausedUntil!.getTime() - NOW.getTime()) / 60_000);
    }
    expect(cooldowns).toEqual([20, 40, 80, 120, 120, 120]);
    expect(LONGEST_COOL_DOWN_MS).toBe(120 * 60_000);
  });
});
