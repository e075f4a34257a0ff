import { describe, expect, it } from "vitest";
import { hasEmailMarketingConsent } from "~/recovery/consent";

describe("hasEmailMarketingConsent", () => {
  it("accepts the box ticked at checkout or a subscribed customer", () => {
    expect(hasEmailMarketingConsent({ acceptsEmailMarketing: true, emailConsentState: null })).toBe(true);
    expect(hasEmailMarketingConsent({ acceptsEmailMarketing: false, emailConsentState: "subscribed" })).toBe(true);
  });

  it("treats pending, unsubscribed and unknown as no consent", () => {
    for (const state of ["pending", "unsubscribed", "not_subscribed", null]) {
      expect(hasEmailMarketingConsent({ acceptsEmailMarketing: false, emailConsentState: state })).toBe(false);
    }
  });
});
