const MINUTE = 60_000;

/** Consecutive failed attempts that pause a destination. */
export const FAILURES_TO_OPEN = 5;
/** The first pause; each failed probe doubles it, up to the longest. */
export const FIRST_COOL_DOWN_MS = 10 * MINUTE;
export const LONGEST_COOL_DOWN_MS = 2 * 60 * MINUTE;
/** How long a probe holds the half-open breaker: long enough for one attempt to finish. */
export const PROBE_HOLD_MS = MINUTE;

/**
 * A destination that keeps failing is paused instead of being hammered with every retry of every
 * delivery. closed: deliveries go out. open: they wait until the cool-down ends, without using up
 * attempts. half-open: the cool-down is over and one delivery goes out as a probe; its success
 * closes the breaker, its failure opens it again for twice as long.
 */
/** A destination's breaker columns, read and written together. */
export interface BreakerState {
  consecutiveFailures: number;
  pausedUntil: Date | null;
}

export type BreakerPosition = "closed" | "open" | "half_open";

export function breakerPosition(state: BreakerState, now: Date): BreakerPosition {
  if (state.pausedUntil && state.pausedUntil > now) return "open";
  return state.consecutiveFailures >= FAILURES_TO_OPEN ? "half_open" : "closed";
}

/** The state while one worker's probe is out: open to everyone else. */
export function probing(state: BreakerState, now: Date): BreakerState {
  return { ...state, pausedUntil: new Date(now.getTime() + PROBE_HOLD_MS) };
}

/**
 * The state after a failed attempt; null when it changes nothing. An attempt that started before the
 * breaker opened and failed after tells nothing new, so only attempts made while closed, and probes,
 * count. The failure that reaches the threshold opens the breaker for the first cool-down; a failed
 * probe re-opens it for twice the previous one.
 */
export function afterFailure(state: BreakerState, now: Date, { probe }: { probe: boolean }): BreakerState | null {
  if (!probe && breakerPosition(state, now) !== "closed") return null;
  const consecutiveFailures = state.consecutiveFailures + 1;
  if (consecutiveFailures < FAILURES_TO_OPEN) return { consecutiveFailures, pausedUntil: null };
  return { consecutiveFailures, pausedUntil: new Date(now.getTime() + coolDownMs(consecutiveFailures)) };
}

function coolDownMs(consecutiveFailures: number): number {
  return Math.min(LONGEST_COOL_DOWN_MS, FIRST_COOL_DOWN_MS * 2 ** (consecutiveFailures - FAILURES_TO_OPEN));
}
