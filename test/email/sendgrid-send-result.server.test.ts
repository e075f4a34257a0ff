import { describe, expect, it } from "vitest";
import { failedSendResult, retryAfterMs, withoutSecrets } from "~/email/sendgrid-send-result.server";

const now = new Date("2026-11-21T12:00:00Z");

describe("retryAfterMs", () => {
  it("reads Retry-After in seconds", () => {
    expect(retryAfterMs({ "retry-after": "120" }, now)).toBe(120_000);
  });

  it("reads Retry-After as an HTTP date", () => {
    expect(retryAfterMs({ "retry-after": "Sat, 21 Nov 2026 12:01:30 GMT" }, now)).toBe(90_000);
  });

  it("prefers Retry-After to X-RateLimit-Reset", () => {
    expect(retryAfterMs({ "retry-after": "5", "x-ratelimit-reset": String(now.getTime() / 1000 + 60) }, now)).toBe(5_000);
  });

  it("falls back to X-RateLimit-Reset, a unix time in seconds", () => {
    expect(retryAfterMs({ "x-ratelimit-reset": String(now.getTime() / 1000 + 42) }, now)).toBe(42_000);
  });

  it("falls back to X-RateLimit-Reset when Retry-After is unreadable", () => {
    expect(retryAfterMs({ "retry-after": "soon", "x-ratelimit-reset": String(now.getTime() / 1000 + 42) }, now)).toBe(42_000);
  });

  it("never asks to wait a negative time for a moment already past", () => {
    expect(retryAfterMs({ "retry-after": "Sat, 21 Nov 2026 11:00:00 GMT" }, now)).toBe(0);
    expect(retryAfterMs({ "x-ratelimit-reset": String(now.getTime() / 1000 - 10) }, now)).toBe(0);
  });

  it("has no opinion without either header", () => {
    expect(retryAfterMs({}, now)).toBeUndefined();
  });
});

describe("failedSendResult", () => {
  it("treats an error thrown before any request, such as the helper refusing the message, as permanent", () => {
    expect(failedSendResult(new Error("Array of strings expected for `categories`"))).toEqual({
      status: "rejected",
      error: "SendGrid message not built: Array of strings expected for `categories`",
    });
  });
});

describe("withoutSecrets", () => {
  it("masks every occurrence, whatever its case", () => {
    const result = withoutSecrets({ status: "rejected", error: "Ann@Example.com and ann@example.com" }, ["ann@example.com"]);
    expect(result).toEqual({ status: "rejected", error: "[redacted] and [redacted]" });
  });

  it("takes secrets literally, not as patterns", () => {
    const result = withoutSecrets({ status: "retryable", error: "a+b@example.com axb@example.com" }, ["a+b@example.com"]);
    expect(result).toEqual({ status: "retryable", error: "[redacted] axb@example.com" });
  });

  it("ignores an empty secret instead of masking between every character", () => {
    expect(withoutSecrets({ status: "rejected", error: "SendGrid 400" }, [""])).toEqual({ status: "rejected", error: "SendGrid 400" });
  });
});
