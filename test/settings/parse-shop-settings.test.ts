import { describe, expect, it } from "vitest";
import { parseShopSettings } from "~/settings/parse-shop-settings";
import type { ShopSettingsFormValues } from "~/settings/shop-settings";

const FORM: ShopSettingsFormValues = {
  senderName: " Aurora Goods ",
  senderEmail: "hello@aurora.example",
  replyToEmail: "",
  abandonmentMinutes: "45",
  requireMarketingConsent: true,
  frequencyCapHours: "16",
  quietHours: true,
  quietHoursStart: "21:00",
  quietHoursEnd: "08:00",
  attributionDays: "5",
  highValueThreshold: "250",
  holdoutPercent: "10",
  bannerText: "Your cart is waiting",
};

const errorsOf = (change: Partial<ShopSettingsFormValues>, currency = "USD") => {
  const parsed = parseShopSettings({ ...FORM, ...change }, currency);
  return parsed.ok ? {} : parsed.fieldErrors;
};

describe("parseShopSettings", () => {
  it("turns the form into stored settings: trimmed text, numbers, minutes after midnight and minor units", () => {
    expect(parseShopSettings(FORM, "USD")).toEqual({
      ok: true,
      settings: {
        senderName: "Aurora Goods",
        senderEmail: "hello@aurora.example",
        replyToEmail: null,
        abandonmentMinutes: 45,
        requireMarketingConsent: true,
        frequencyCapHours: 16,
        quietHoursStartMinute: 21 * 60,
        quietHoursEndMinute: 8 * 60,
        attributionDays: 5,
        highValueThresholdMinor: 25_000n,
        holdoutPercent: 10,
        bannerText: "Your cart is waiting",
      },
    });
  });

  it("stores empty optional fields as null: the app-wide sender, no threshold, the default banner", () => {
    const parsed = parseShopSettings({ ...FORM, senderName: " ", senderEmail: "", highValueThreshold: "", bannerText: "  " }, "USD");
    expect(parsed).toMatchObject({ ok: true, settings: { senderName: null, senderEmail: null, highValueThresholdMinor: null, bannerText: null } });
  });

  it("stores quiet hours turned off as no window, whatever the time fields hold", () => {
    const parsed = parseShopSettings({ ...FORM, quietHours: false, quietHoursStart: "nonsense", quietHoursEnd: "" }, "USD");
    expect(parsed).toMatchObject({ ok: true, settings: { quietHoursStartMinute: null, quietHoursEndMinute: null } });
  });

  it("takes a quiet window that wraps past midnight or stays within the day", () => {
    expect(parseShopSettings({ ...FORM, quietHoursStart: "13:15", quietHoursEnd: "14:45" }, "USD")).toMatchObject({
      ok: true,
      settings: { quietHoursStartMinute: 795, quietHoursEndMinute: 885 },
    });
  });

  it("wants valid email addresses for the sender and reply-to", () => {
    expect(errorsOf({ senderEmail: "hello" })).toEqual({ senderEmail: "email" });
    expect(errorsOf({ replyToEmail: "support@" })).toEqual({ replyToEmail: "email" });
    expect(errorsOf({ replyToEmail: `${"a".repeat(250)}@x.example` })).toEqual({ replyToEmail: "email" });
  });

  it.each([
    ["abandonmentMinutes", "0", "1", "1440", "1441"],
    ["frequencyCapHours", "-1", "0", "168", "169"],
    ["attributionDays", "0", "1", "30", "31"],
    ["holdoutPercent", "-1", "0", "50", "51"],
  ] as const)("keeps %s within its bounds", (field, below, lowest, highest, above) => {
    expect(errorsOf({ [field]: below })).toEqual({ [field]: "wholeNumberBetween" });
    expect(errorsOf({ [field]: lowest })).toEqual({});
    expect(errorsOf({ [field]: highest })).toEqual({});
    expect(errorsOf({ [field]: above })).toEqual({ [field]: "wholeNumberBetween" });
  });

  it("wants whole numbers", () => {
    expect(errorsOf({ abandonmentMinutes: "10.5" })).toEqual({ abandonmentMinutes: "wholeNumberBetween" });
    expect(errorsOf({ attributionDays: "" })).toEqual({ attributionDays: "wholeNumberBetween" });
    expect(errorsOf({ holdoutPercent: "ten" })).toEqual({ holdoutPercent: "wholeNumberBetween" });
  });

  it("wants quiet hours as two different HH:MM times", () => {
    expect(errorsOf({ quietHoursStart: "9pm" })).toEqual({ quietHoursStart: "clockTime" });
    expect(errorsOf({ quietHoursEnd: "24:00" })).toEqual({ quietHoursEnd: "clockTime" });
    expect(errorsOf({ quietHoursStart: "21:00", quietHoursEnd: "21:00" })).toEqual({ quietHoursEnd: "sameQuietHours" });
  });

  it("reads the high-value threshold in the shop's currency, with that currency's decimals", () => {
    expect(parseShopSettings({ ...FORM, highValueThreshold: "99.95" }, "USD")).toMatchObject({ settings: { highValueThresholdMinor: 9_995n } });
    expect(parseShopSettings({ ...FORM, highValueThreshold: "30000" }, "JPY")).toMatchObject({ settings: { highValueThresholdMinor: 30_000n } });
    expect(parseShopSettings({ ...FORM, highValueThreshold: "1.250" }, "KWD")).toMatchObject({ settings: { highValueThresholdMinor: 1_250n } });
    expect(errorsOf({ highValueThreshold: "99.955" })).toEqual({ highValueThreshold: "amountPrecision" });
    expect(errorsOf({ highValueThreshold: "300.5" }, "JPY")).toEqual({ highValueThreshold: "amountPrecision" });
  });

  it("wants a positive plain amount", () => {
    for (const amount of ["0", "0.00", "-5", "1,000", "$250", "1e3", "1234567890123"]) expect(errorsOf({ highValueThreshold: amount })).toEqual({ highValueThreshold: "amount" });
  });

  it("keeps the sender name and banner text short", () => {
    expect(errorsOf({ senderName: "x".repeat(100) })).toEqual({});
    expect(errorsOf({ senderName: "x".repeat(101) })).toEqual({ senderName: "tooLong" });
    expect(errorsOf({ bannerText: "장".repeat(200) })).toEqual({});
    expect(errorsOf({ bannerText: "x".repeat(201) })).toEqual({ bannerText: "tooLong" });
  });

  it("reports every wrong field at once, quiet hours included", () => {
    expect(errorsOf({ senderEmail: "nope", abandonmentMinutes: "0", quietHoursEnd: "21:00" })).toEqual({
      senderEmail: "email",
      abandonmentMinutes: "wholeNumberBetween",
      quietHoursEnd: "sameQuietHours",
    });
  });

  it("turns down a form this page did not send as a whole", () => {
    expect(parseShopSettings(null, "USD")).toEqual({ ok: false, fieldErrors: { form: "form" } });
    expect(parseShopSettings({ ...FORM, abandonmentMinutes: 45 }, "USD")).toEqual({ ok: false, fieldErrors: { form: "form" } });
    const { bannerText: _missing, ...withoutBanner } = FORM;
    expect(parseShopSettings(withoutBanner, "USD")).toEqual({ ok: false, fieldErrors: { form: "form" } });
  });
});
