const MINUTE = 60_000;

/** Give up on a provider that keeps failing this long after the step first came due. */
export const MAX_RETRY_AGE_MS = 24 * 60 * MINUTE;

const FIRST_DELAY_MS = MINUTE;
const LONGEST_DELAY_MS = 60 * MINUTE;

/**
 * Exponential backoff with jitter (1, 2, 4 … minutes, at most an hour, each scaled by a random
 * 50–100 % so retries from many workers spread out), never sooner than the provider asked.
 */
export function retryDelayMs(attempt: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  const exponential = Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(exponential * (0.5 + random() / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}

export function retryGivesUp(scheduledAt: Date, nextAttemptAt: Date): boolean {
  return nextAttemptAt.getTime() - scheduledAt.getTime() > MAX_RETRY_AGE_MS;
}
