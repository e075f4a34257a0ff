import type { OutboundResult } from "./outbound-http";

/** What one attempt means for its delivery. */
export type Verdict = { kind: "delivered" } | { kind: "retry"; error: string; retryAfterMs?: number } | { kind: "fail"; error: string };

/**
 * Any 2xx delivers. The endpoint being down, slow or busy is worth retrying: timeouts, network
 * errors, 5xx, 408 and 429 (not before its Retry-After). Anything else will not change by itself:
 * other 4xx, a redirect the destination does not follow, a refused address.
 */
export function judgeAttempt(result: OutboundResult, now: Date): Verdict {
  if (!result.ok) {
    const error = `${result.error}: ${result.message}`;
    return result.error === "timeout" || result.error === "network" ? { kind: "retry", error } : { kind: "fail", error };
  }
  const { status } = result;
  if (status >= 200 && status < 300) return { kind: "delivered" };
  const error = `HTTP ${status}`;
  if (status === 429 || status === 503) return { kind: "retry", error, retryAfterMs: retryAfterMs(result.headers["retry-after"], now) };
  if (status >= 500 || status === 408) return { kind: "retry", error };
  return { kind: "fail", error };
}

/**
 * Retry-After as RFC 9110 defines it: seconds, or an HTTP date. Vendor headers such as
 * X-RateLimit-Reset mean different things at different APIs, so they are not guessed at.
 */
function retryAfterMs(value: string | undefined, now: Date): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
