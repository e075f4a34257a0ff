import { describe, expect, it } from "vitest";
import { decideStep, type StepSituation } from "~/sequencer/decide-step";

const clear: StepSituation = {
  shopInstalled: true,
  enrollmentEnded: null,
  purchased: false,
  checkoutStatus: "abandoned",
  channel: "email",
  email: "ann@example.com",
  suppression: null,
  consentRequired: true,
  consented: true,
  templateAvailable: true,
  cartBelowMinimum: false,
  previousClicked: false,
  quietUntil: null,
  cappedUntil: null,
};
const decide = (change: Partial<StepSituation>) => decideStep({ ...clear, ...change });
const later = new Date("2026-11-21T13:00:00Z");
const evenLater = new Date("2026-11-21T20:00:00Z");

describe("decideStep", () => {
  it("sends when nothing stands in the way", () => {
    expect(decide({})).toEqual({ kind: "send" });
  });

  it("stops the enrollment for each reason that ends a shopper's recovery", () => {
    expect(decide({ shopInstalled: false })).toEqual({ kind: "stop", reason: "shop_uninstalled" });
    expect(decide({ purchased: true })).toEqual({ kind: "stop", reason: "purchased" });
    expect(decide({ checkoutStatus: "completed" })).toEqual({ kind: "stop", reason: "checkout_completed" });
    expect(decide({ checkoutStatus: "recovered" })).toEqual({ kind: "stop", reason: "checkout_completed" });
    expect(decide({ suppression: "unsubscribed" })).toEqual({ kind: "stop", reason: "unsubscribed" });
    expect(decide({ suppression: "bounced" })).toEqual({ kind: "stop", reason: "suppressed" });
    expect(decide({ consented: false })).toEqual({ kind: "stop", reason: "no_consent" });
    expect(decide({ enrollmentEnded: { reason: "purchased" } })).toEqual({ kind: "stop", reason: "purchased" });
  });

  it("lets a purchase win over every other reason", () => {
    expect(decide({ purchased: true, suppression: "unsubscribed", consented: false, quietUntil: later })).toEqual({ kind: "stop", reason: "purchased" });
  });

  it("sends without consent when the shop does not require it", () => {
    expect(decide({ consentRequired: false, consented: false })).toEqual({ kind: "send" });
  });

  it("skips just this step for reasons that leave the rest of the sequence standing", () => {
    expect(decide({ email: null })).toEqual({ kind: "skip", reason: "no_email" });
    expect(decide({ templateAvailable: false })).toEqual({ kind: "skip", reason: "template_missing" });
    expect(decide({ cartBelowMinimum: true })).toEqual({ kind: "skip", reason: "below_min_cart_value" });
    expect(decide({ previousClicked: true })).toEqual({ kind: "skip", reason: "previous_clicked" });
    expect(decide({ channel: "webhook" })).toEqual({ kind: "skip", reason: "channel_unavailable" });
  });

  it("defers to the later of quiet hours and the frequency cap", () => {
    expect(decide({ quietUntil: later })).toEqual({ kind: "defer", reason: "quiet_hours", until: later });
    expect(decide({ cappedUntil: later })).toEqual({ kind: "defer", reason: "frequency_cap", until: later });
    expect(decide({ quietUntil: later, cappedUntil: evenLater })).toEqual({ kind: "defer", reason: "frequency_cap", until: evenLater });
  });

  it("never defers a step it would stop or skip anyway", () => {
    expect(decide({ consented: false, quietUntil: later })).toEqual({ kind: "stop", reason: "no_consent" });
  });
});
