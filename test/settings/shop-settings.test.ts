import { describe, expect, it } from "vitest";
import { shopSettingsFormValues, type ShopSettingsValues } from "~/settings/shop-settings";

const STORED: ShopSettingsValues = {
  senderName: "Aurora Goods",
  senderEmail: "hello@aurora.example",
  replyToEmail: null,
  abandonmentMinutes: 45,
  requireMarketingConsent: false,
  frequencyCapHours: 0,
  quietHoursStartMinute: 22 * 60 + 30,
  quietHoursEndMinute: 7 * 60,
  attributionDays: 7,
  highValueThresholdMinor: 25_000n,
  holdoutPercent: 10,
  bannerText: null,
};

describe("shopSettingsFormValues", () => {
  it("shows stored settings as the form edits them: text, HH:MM and a decimal amount", () => {
    expect(shopSettingsFormValues(STORED, "USD")).toEqual({
      senderName: "Aurora Goods",
      senderEmail: "hello@aurora.example",
      replyToEmail: "",
      abandonmentMinutes: "45",
      requireMarketingConsent: false,
      frequencyCapHours: "0",
      quietHours: true,
      quietHoursStart: "22:30",
      quietHoursEnd: "07:00",
      attributionDays: "7",
      highValueThreshold: "250.00",
      holdoutPercent: "10",
      bannerText: "",
    });
  });

  it("writes the threshold with the currency's own decimals", () => {
    expect(shopSettingsFormValues({ ...STORED, highValueThresholdMinor: 30_000n }, "JPY").highValueThreshold).toBe("30000");
    expect(shopSettingsFormValues({ ...STORED, highValueThresholdMinor: 12_345n }, "KWD").highValueThreshold).toBe("12.345");
    expect(shopSettingsFormValues({ ...STORED, highValueThresholdMinor: null }, "USD").highValueThreshold).toBe("");
  });

  it("shows quiet hours off, with 21:00–08:00 ready for when they are turned on", () => {
    expect(shopSettingsFormValues({ ...STORED, quietHoursStartMinute: null, quietHoursEndMinute: null }, "USD")).toMatchObject({
      quietHours: false,
      quietHoursStart: "21:00",
      quietHoursEnd: "08:00",
    });
  });
});
