import { describe, expect, it } from "vitest";
import { decideStep, type StepSituation } from "~/sequencer/decide-step";

const clear: StepSituation = {
  shopInstalled: true,
  enrollmentEnded: null,
  purchased: false,
  checkoutStatus: "abandoned",
  holdout: false,
  channel: "email",
  email: "ann@example.com",
  destination: null,
  phone: null,
  smsConsented: false,
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
    expect(decide({ channel: "fax" })).toEqual({ kind: "skip", reason: "channel_unavailable" });
  });

  it("skips every step of a holdout shopper, yet still stops on a purchase", () => {
    expect(decide({ holdout: true })).toEqual({ kind: "skip", reason: "holdout" });
    expect(decide({ holdout: true, purchased: true })).toEqual({ kind: "stop", reason: "purchased" });
  });

  it("sends a webhook step without looking at email consent or suppression", () => {
    const webhook = { channel: "webhook", destination: { needsPhone: false, needsSmsConsent: false }, email: null, consented: false, suppression: "unsubscribed" as const };
    expect(decide(webhook)).toEqual({ kind: "send" });
  });

  it("skips a webhook step whose destination is gone, or that needs a phone and SMS consent the shopper lacks", () => {
    const sms = { channel: "webhook", destination: { needsPhone: true, needsSmsConsent: true } };
    expect(decide({ channel: "webhook", destination: null })).toEqual({ kind: "skip", reason: "destination_missing" });
    expect(decide({ ...sms, phone: null, smsConsented: true })).toEqual({ kind: "skip", reason: "no_phone" });
    expect(decide({ ...sms, phone: "+15025550142", smsConsented: false })).toEqual({ kind: "skip", reason: "no_sms_consent" });
    expect(decide({ ...sms, phone: "+15025550142", smsConsented: true })).toEqual({ kind: "send" });
  });

  it("defers to the later of quiet hours and the frequency cap", () => {
    expect(decide({ quietUntil: later })).toEqual({ kind: "defer", reason: "quiet_hours", until: later });
    expect(decide({ cappedUntil: later })).toEqual({ kind: "defer", reason: "frequency_cap", until: later });
    expect(decide({ quietUntil: later, cappedUntil: evenLater })).toEqual({ kind: "defer", reason: "frequency_cap", until: evenLater });
  });

  it("holds a webhook step for quiet hours but not for the email frequency cap", () => {
    const webhook = { channel: "webhook", destination: { needsPhone: false, needsSmsConsent: false } };
    expect(decide({ ...webhook, cappedUntil: later })).toEqual({ kind: "send" });
    expect(decide({ ...webhook, quietUntil: later })).toEqual({ kind: "defer", reason: "quiet_hours", until: later });
  });

  it("never defers a step it would stop or skip anyway", () => {
    expect(decide({ consented: false, quietUntil: later })).toEqual({ kind: "stop", reason: "no_consent" });
  });
});
