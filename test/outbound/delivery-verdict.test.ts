import { describe, expect, it } from "vitest";
import { judgeAttempt } from "~/outbound/delivery-verdict";
import type { OutboundResult } from "~/outbound/outbound-http";

const NOW = new Date("2026-11-21T10:00:00Z");

function answer(status: number, headers: Record<string, string> = {}): OutboundResult {
  return { ok: true, status, headers, body: "", bodyTruncated: false, latencyMs: 12 };
}

function failure(error: Extract<OutboundResult, { ok: false }>["error"], status: number | null = null): OutboundResult {
  return { ok: false, error, message: "details", status, latencyMs: 12 };
}

describe("judgeAttempt", () => {
  it.each([200, 201, 202, 204, 299])("delivers on %i", (status) => {
    expect(judgeAttempt(answer(status), NOW)).toEqual({ kind: "delivered" });
  });

  it.each([500, 502, 504, 408])("retries %i", (status) => {
    expect(judgeAttempt(answer(status), NOW)).toEqual({ kind: "retry", error: `HTTP ${status}` });
  });

  it("retries 429 and 503 no sooner than Retry-After, in seconds or as a date", () => {
    expect(judgeAttempt(answer(429, { "retry-after": "120" }), NOW)).toEqual({ kind: "retry", error: "HTTP 429", retryAfterMs: 120_000 });
    expect(judgeAttempt(answer(503, { "retry-after": "Sat, 21 Nov 2026 10:05:00 GMT" }), NOW)).toEqual({ kind: "retry", error: "HTTP 503", retryAfterMs: 300_000 });
    expect(judgeAttempt(answer(429), NOW)).toEqual({ kind: "retry", error: "HTTP 429", retryAfterMs: undefined });
    expect(judgeAttempt(answer(429, { "retry-after": "soon" }), NOW)).toEqual({ kind: "retry", error: "HTTP 429", retryAfterMs: undefined });
  });

  it.each([400, 401, 403, 404, 410, 422, 304])("fails at once on %i", (status) => {
    expect(judgeAttempt(answer(status), NOW)).toEqual({ kind: "fail", error: `HTTP ${status}` });
  });

  it("retries timeouts and network errors, and fails refused addresses and redirects at once", () => {
    expect(judgeAttempt(failure("timeout"), NOW).kind).toBe("retry");
    expect(judgeAttempt(failure("network"), NOW).kind).toBe("retry");
    expect(judgeAttempt(failure("refused_address"), NOW)).toEqual({ kind: "fail", error: "refused_address: details" });
    expect(judgeAttempt(failure("redirect_not_followed", 302), NOW).kind).toBe("fail");
    expect(judgeAttempt(failure("too_many_redirects", 301), NOW).kind).toBe("fail");
  });
});
