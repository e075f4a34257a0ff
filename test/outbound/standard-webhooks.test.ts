import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateMessageId, generateSigningSecret, signatureHeaders, signMessage, verifyWebhook } from "~/outbound/standard-webhooks";

// The signing example of the Standard Webhooks reference library (libraries/javascript/src/webhook.test.ts).
const VECTOR = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  messageId: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: new Date(1614265330 * 1000),
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

const AT = new Date(VECTOR.timestamp.getTime() + 30_000);

function signed(overrides: { body?: string; secret?: string; timestamp?: Date } = {}) {
  const message = { messageId: VECTOR.messageId, timestamp: overrides.timestamp ?? VECTOR.timestamp, body: VECTOR.body };
  return { headers: signatureHeaders(overrides.secret ?? VECTOR.secret, message), body: overrides.body ?? VECTOR.body };
}

describe("signMessage", () => {
  it("matches the published Standard Webhooks example", () => {
    expect(signMessage(VECTOR.secret, VECTOR)).toBe(VECTOR.signature);
  });

  it("signs whole seconds of the timestamp", () => {
    expect(signMessage(VECTOR.secret, { ...VECTOR, timestamp: new Date(VECTOR.timestamp.getTime() + 999) })).toBe(VECTOR.signature);
  });

  it("gives the three headers of one attempt", () => {
    expect(signatureHeaders(VECTOR.secret, VECTOR)).toEqual({
      "webhook-id": VECTOR.messageId,
      "webhook-timestamp": "1614265330",
      "webhook-signature": VECTOR.signature,
    });
  });
});

describe("verifyWebhook", () => {
  it("accepts a request signed with the secret", () => {
    expect(verifyWebhook(VECTOR.secret, signed(), { now: AT })).toEqual({ ok: true, messageId: VECTOR.messageId, timestamp: VECTOR.timestamp });
  });

  it("accepts any matching signature among several (a secret being rotated), and header names in any case", () => {
    const { headers, body } = signed();
    const rotated = { "Webhook-Id": headers["webhook-id"], "WEBHOOK-TIMESTAMP": headers["webhook-timestamp"], "webhook-signature": `v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,xyz ${headers["webhook-signature"]}` };
    expect(verifyWebhook(VECTOR.secret, { headers: rotated, body }, { now: AT }).ok).toBe(true);
  });

  it("refuses an altered body, another secret, or a truncated signature", () => {
    expect(verifyWebhook(VECTOR.secret, { ...signed(), body: '{"test": 2432232315}' }, { now: AT })).toEqual({ ok: false, reason: "no signature matches" });
    expect(verifyWebhook(generateSigningSecret(), signed(), { now: AT }).ok).toBe(false);
    const { headers, body } = signed();
    expect(verifyWebhook(VECTOR.secret, { headers: { ...headers, "webhook-signature": headers["webhook-signature"].slice(0, 12) }, body }, { now: AT }).ok).toBe(false);
    expect(verifyWebhook(VECTOR.secret, { headers: { ...headers, "webhook-signature": "v1," }, body }, { now: AT }).ok).toBe(false);
  });

  it("refuses timestamps more than five minutes from now, either way", () => {
    expect(verifyWebhook(VECTOR.secret, signed(), { now: new Date(VECTOR.timestamp.getTime() + 301_000) }).ok).toBe(false);
    expect(verifyWebhook(VECTOR.secret, signed(), { now: new Date(VECTOR.timestamp.getTime() - 301_000) }).ok).toBe(false);
  });

  it("refuses requests missing a header or with a malformed timestamp", () => {
    const { headers, body } = signed();
    for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"] as const) {
      const { [name]: _dropped, ...rest } = headers;
      expect(verifyWebhook(VECTOR.secret, { headers: rest, body }, { now: AT }).ok).toBe(false);
    }
    expect(verifyWebhook(VECTOR.secret, { headers: { ...headers, "webhook-timestamp": "hello" }, body }, { now: AT }).ok).toBe(false);
  });
});

describe("secrets and ids", () => {
  it("generates whsec_ secrets of 32 random bytes that sign like any other", () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(generateSigningSecret()).not.toBe(secret);

    const expected = createHmac("sha256", Buffer.from(secret.slice(6), "base64")).update("msg_1.1700000000.{}").digest("base64");
    expect(signMessage(secret, { messageId: "msg_1", timestamp: new Date(1_700_000_000_000), body: "{}" })).toBe(`v1,${expected}`);
  });

  it("generates distinct msg_ ids", () => {
    const ids = new Set(Array.from({ length: 100 }, generateMessageId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^msg_[\w-]{24}$/);
  });
});
