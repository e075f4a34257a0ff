import { describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { verifyLinkToken } from "~/links/link-token.server";
import { messageLinks } from "~/links/message-links.server";

const NOW = new Date("2026-11-20T16:15:00Z");
const DAY = 24 * 60 * 60 * 1000;

describe("the links of a message", () => {
  it("points /r and /u on the app at tokens for the step run, counting lifetimes from the render", () => {
    const { recoveryUrl, unsubscribeUrl } = messageLinks(42, NOW);
    const recoverToken = recoveryUrl.slice(`${config.appUrl}/r/`.length);
    const unsubscribeToken = unsubscribeUrl.slice(`${config.appUrl}/u/`.length);

    expect(recoveryUrl.startsWith(`${config.appUrl}/r/`)).toBe(true);
    expect(unsubscribeUrl.startsWith(`${config.appUrl}/u/`)).toBe(true);
    expect(verifyLinkToken(recoverToken, "recover", NOW)).toEqual({ status: "valid", stepRunId: 42 });
    expect(verifyLinkToken(unsubscribeToken, "unsubscribe", NOW)).toEqual({ status: "valid", stepRunId: 42 });
    expect(verifyLinkToken(recoverToken, "recover", new Date(NOW.getTime() + 30 * DAY)).status).toBe("expired");
  });
});
