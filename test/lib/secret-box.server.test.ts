import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { looksMasked, maskSecret, openSecret, sealSecret, SecretBoxError } from "~/lib/secret-box.server";

describe("sealSecret / openSecret", () => {
  it("round-trips a secret under the app's key, in a versioned form that does not contain it", () => {
    const sealed = sealSecret("Bearer sk_live_51HxAbCdEf");

    expect(sealed).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(sealed).not.toContain("sk_live");
    expect(openSecret(sealed)).toBe("Bearer sk_live_51HxAbCdEf");
  });

  it("seals the same secret differently every time (a fresh IV)", () => {
    expect(sealSecret("same")).not.toBe(sealSecret("same"));
  });

  it("keeps non-ASCII secrets intact", () => {
    expect(openSecret(sealSecret("pässwörd-🔑"))).toBe("pässwörd-🔑");
  });

  it("refuses a sealed value with any part altered", () => {
    const sealed = sealSecret("Bearer sk_live_51HxAbCdEf");
    const parts = sealed.split(":");
    for (const index of [1, 2, 3]) {
      const altered = [...parts];
      const part = Buffer.from(altered[index]!, "base64url");
      part[0] = part[0]! ^ 1;
      altered[index] = part.toString("base64url");
      expect(() => openSecret(altered.join(":"))).toThrow(SecretBoxError);
    }
  });

  it("refuses a value sealed under another key", () => {
    const sealed = sealSecret("secret", randomBytes(32));
    expect(() => openSecret(sealed)).toThrow(SecretBoxError);
  });

  it("refuses unknown versions and plain text", () => {
    const [, ...rest] = sealSecret("secret").split(":");
    expect(() => openSecret(["v2", ...rest].join(":"))).toThrow(SecretBoxError);
    expect(() => openSecret("secret")).toThrow(SecretBoxError);
  });
});

describe("maskSecret", () => {
  it("shows only the last four characters", () => {
    expect(maskSecret("whsec_abcdefghij1a2b")).toBe("••••1a2b");
  });

  it("shows nothing of a short secret", () => {
    expect(maskSecret("hunter2abcd")).toBe("••••");
  });

  it("makes values a form can recognise as masks", () => {
    expect(looksMasked(maskSecret("whsec_abcdefghij1a2b"))).toBe(true);
    expect(looksMasked("Bearer abc")).toBe(false);
  });
});
