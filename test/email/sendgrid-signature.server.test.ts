import { describe, expect, it } from "vitest";
import { verifySendgridSignature } from "~/email/sendgrid-signature.server";
import { createEventSigner, eventBody } from "../doubles/sendgrid-events";

// The vector from @sendgrid/eventwebhook's own spec: a body signed by SendGrid's documentation key.
const GOLDEN = {
  publicKey: "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==",
  timestamp: "1600112502",
  signature: "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=",
  body:
    JSON.stringify([
      {
        email: "hello@world.com",
        event: "dropped",
        reason: "Bounced Address",
        sg_event_id: "ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA",
        sg_message_id: "LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0",
        "smtp-id": "<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>",
        timestamp: 1600112492,
      },
    ]) + "\r\n",
};

function verifyGolden(overrides: Partial<typeof GOLDEN> = {}) {
  const { publicKey, timestamp, signature, body } = { ...GOLDEN, ...overrides };
  return verifySendgridSignature({ publicKey, timestamp, signature, rawBody: Buffer.from(body) });
}

describe("verifySendgridSignature", () => {
  it("accepts SendGrid's published golden vector", () => {
    expect(verifyGolden()).toBe(true);
  });

  it("refuses the golden body without its trailing CRLF: the bytes are signed, not the JSON", () => {
    expect(verifyGolden({ body: GOLDEN.body.trimEnd() })).toBe(false);
  });

  it("refuses the golden body under another timestamp", () => {
    expect(verifyGolden({ timestamp: "1600112503" })).toBe(false);
  });

  it("accepts the key with PEM armour too", () => {
    const pem = `-----BEGIN PUBLIC KEY-----\n${GOLDEN.publicKey}\n-----END PUBLIC KEY-----\n`;
    expect(verifyGolden({ publicKey: pem })).toBe(true);
  });

  it("accepts a post signed by the test double's key pair", () => {
    const signer = createEventSigner();
    const body = eventBody([{ event: "delivered", sg_event_id: "a" }, { event: "open", sg_event_id: "b" }]);

    const valid = verifySendgridSignature({ publicKey: signer.publicKey, timestamp: "1795300412", signature: signer.sign("1795300412", body), rawBody: Buffer.from(body) });

    expect(valid).toBe(true);
  });

  it("refuses a post signed with another key", () => {
    const signer = createEventSigner();
    const forger = createEventSigner();
    const body = eventBody([{ event: "delivered", sg_event_id: "a" }]);

    const valid = verifySendgridSignature({ publicKey: signer.publicKey, timestamp: "1", signature: forger.sign("1", body), rawBody: Buffer.from(body) });

    expect(valid).toBe(false);
  });

  it.each([
    ["a signature that is not base64 DER", { signature: "not-a-signature" }],
    ["an empty signature", { signature: "" }],
    ["a key that is not a key", { publicKey: "c2VjcmV0" }],
  ])("refuses %s instead of throwing", (_case, overrides) => {
    expect(verifyGolden(overrides)).toBe(false);
  });
});
