import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { signLinkToken, verifyLinkToken } from "~/links/link-token.server";

const NOW = new Date("2026-11-20T16:15:00Z");
const DAY = 24 * 60 * 60 * 1000;
const later = (days: number) => new Date(NOW.getTime() + days * DAY);

describe("link tokens", () => {
  it("round-trips the step run for its purpose, in a URL-safe payload.signature form", () => {
    const token = signLinkToken("recover", 42, NOW);

    expect(token).toMatch(/^recover-42-\d+\.[\w-]{43}$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(verifyLinkToken(token, "recover", NOW)).toEqual({ status: "valid", stepRunId: 42 });
  });

  it("keeps recovery links 30 days and unsubscribe links 365 days", () => {
    const recover = signLinkToken("recover", 42, NOW);
    const unsubscribe = signLinkToken("unsubscribe", 42, NOW);

    expect(verifyLinkToken(recover, "recover", later(29.99)).status).toBe("valid");
    expect(verifyLinkToken(recover, "recover", later(30))).toEqual({ status: "expired", stepRunId: 42 });
    expect(verifyLinkToken(unsubscribe, "unsubscribe", later(364.99)).status).toBe("valid");
    expect(verifyLinkToken(unsubscribe, "unsubscribe", later(365))).toEqual({ status: "expired", stepRunId: 42 });
  });

  it("refuses a payload changed under its signature", () => {
    const [payload, signature] = signLinkToken("recover", 42, NOW).split(".");

    expect(verifyLinkToken(`${payload!.replace("-42-", "-43-")}.${signature}`, "recover", NOW)).toEqual({ status: "invalid" });
    expect(verifyLinkToken(`${payload!.replace(/\d+$/, "9999999999")}.${signature}`, "recover", NOW)).toEqual({ status: "invalid" });
  });

  it("refuses a changed signature", () => {
    const token = signLinkToken("recover", 42, NOW);
    const at = token.indexOf(".") + 10;
    const flipped = token.slice(0, at) + (token[at] === "A" ? "B" : "A") + token.slice(at + 1);

    expect(verifyLinkToken(flipped, "recover", NOW)).toEqual({ status: "invalid" });
  });

  it("refuses malformed tokens", () => {
    const token = signLinkToken("recover", 42, NOW);

    for (const malformed of ["", "recover-42", token.split(".")[0]!, `${token}.x`, token.slice(0, -1), `${token}A`, ` ${token}`]) {
      expect(verifyLinkToken(malformed, "recover", NOW)).toEqual({ status: "invalid" });
    }
  });

  it("refuses a token made for the other purpose, even once expired", () => {
    expect(verifyLinkToken(signLinkToken("recover", 42, NOW), "unsubscribe", NOW)).toEqual({ status: "invalid" });
    expect(verifyLinkToken(signLinkToken("unsubscribe", 42, NOW), "recover", later(400))).toEqual({ status: "invalid" });
  });

  it("refuses a token signed with another secret", () => {
    const foreign = signLinkToken("recover", 42, NOW, "another-app-secret");

    expect(verifyLinkToken(foreign, "recover", NOW)).toEqual({ status: "invalid" });
  });

  it("refuses a payload signed with the app secret itself rather than the key derived for links", () => {
    const payload = signLinkToken("recover", 42, NOW).split(".")[0]!;
    const plain = createHmac("sha256", config.shopifyApiSecret).update(payload).digest("base64url");

    expect(verifyLinkToken(`${payload}.${plain}`, "recover", NOW)).toEqual({ status: "invalid" });
  });
});
