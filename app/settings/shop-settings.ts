import { fromMinorUnits } from "~/lib/money";
import { minuteToClockTime } from "./clock-time";

/** The merchant's settings as the Shop row keeps them. */
export type ShopSettingsValues = {
  senderName: string | null;
  senderEmail: string | null;
  replyToEmail: string | null;
  abandonmentMinutes: number;
  requireMarketingConsent: boolean;
  frequencyCapHours: number;
  /** Minutes after midnight in the shop's timezone; both null when the shop has no quiet hours. */
  quietHoursStartMinute: number | null;
  quietHoursEndMinute: number | null;
  attributionDays: number;
  /** In the shop's currency; null when no cart raises cart.high_value. */
  highValueThresholdMinor: bigint | null;
  holdoutPercent: number;
  /** Null shows the storefront banner's default message. */
  bannerText: string | null;
};

/** The same settings as the form edits them: numbers and money as typed text, times as HH:MM. */
export type ShopSettingsFormValues = {
  senderName: string;
  senderEmail: string;
  replyToEmail: string;
  abandonmentMinutes: string;
  requireMarketingConsent: boolean;
  frequencyCapHours: string;
  quietHours: boolean;
  quietHoursStart: string;
  quietHoursEnd: string;
  attributionDays: string;
  highValueThreshold: string;
  holdoutPercent: string;
  bannerText: string;
};

export type ShopSettingsField = keyof ShopSettingsFormValues;

export const SETTINGS_LIMITS = {
  senderName: { max: 100 },
  abandonmentMinutes: { min: 1, max: 1440 },
  frequencyCapHours: { min: 0, max: 168 },
  attributionDays: { min: 1, max: 30 },
  holdoutPercent: { min: 0, max: 50 },
  bannerText: { max: 200 },
} as const;

// Offered when the merchant turns quiet hours back on: the schema's defaults, 21:00 to 08:00.
const SUGGESTED_QUIET_HOURS = { start: 21 * 60, end: 8 * 60 };

export function shopSettingsFormValues(values: ShopSettingsValues, currency: string): ShopSettingsFormValues {
  const quietHours = values.quietHoursStartMinute !== null && values.quietHoursEndMinute !== null;
  return {
    senderName: values.senderName ?? "",
    senderEmail: values.senderEmail ?? "",
    replyToEmail: values.replyToEmail ?? "",
    abandonmentMinutes: String(values.abandonmentMinutes),
    requireMarketingConsent: values.requireMarketingConsent,
    frequencyCapHours: String(values.frequencyCapHours),
    quietHours,
    quietHoursStart: minuteToClockTime(values.quietHoursStartMinute ?? SUGGESTED_QUIET_HOURS.start),
    quietHoursEnd: minuteToClockTime(values.quietHoursEndMinute ?? SUGGESTED_QUIET_HOURS.end),
    attributionDays: String(values.attributionDays),
    highValueThreshold: values.highValueThresholdMinor === null ? "" : fromMinorUnits(values.highValueThresholdMinor, currency),
    holdoutPercent: String(values.holdoutPercent),
    bannerText: values.bannerText ?? "",
  };
}
