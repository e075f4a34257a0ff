import { z } from "zod";
import { currencyExponent, toMinorUnits } from "~/lib/money";
import { clockTimeToMinute } from "./clock-time";
import { SETTINGS_LIMITS, type ShopSettingsField, type ShopSettingsValues } from "./shop-settings";

/**
 * Why a field was refused, as a key of the page's messages rather than English text: the page words
 * it in the admin's language, with the limits from SETTINGS_LIMITS.
 */
const ERROR_CODES = ["form", "wholeNumberBetween", "email", "tooLong", "clockTime", "sameQuietHours", "amount", "amountPrecision"] as const;
export type SettingsErrorCode = (typeof ERROR_CODES)[number];

export type SettingsFieldErrors = Partial<Record<ShopSettingsField | "form", SettingsErrorCode>>;

export type ParsedShopSettings = { ok: true; settings: ShopSettingsValues } | { ok: false; fieldErrors: SettingsFieldErrors };

const AMOUNT = /^\d{1,12}(\.\d+)?$/;
const ZERO = /^0*(\.0*)?$/;
const MAX_EMAIL_LENGTH = 254;

/** The error of a built-in check, and the issue a custom check raises. */
const issue = (code: SettingsErrorCode) => ({ error: code });
const customIssue = (code: SettingsErrorCode, field?: ShopSettingsField) => ({ code: "custom" as const, message: code, ...(field && { path: [field] }) });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, issue("tooLong"))
    .transform((text) => text || null);

const optionalEmail = z
  .string()
  .trim()
  .refine((text) => text === "" || (text.length <= MAX_EMAIL_LENGTH && z.email().safeParse(text).success), issue("email"))
  .transform((text) => text || null);

const wholeNumber = ({ min, max }: { min: number; max: number }) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, issue("wholeNumberBetween"))
    .transform(Number)
    .refine((value) => value >= min && value <= max, issue("wholeNumberBetween"));

/** A positive amount in the shop's currency, with no more decimals than the currency has; empty for none. */
const optionalAmount = (currency: string) =>
  z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      if (text === "") return;
      if (!AMOUNT.test(text) || ZERO.test(text)) ctx.addIssue(customIssue("amount"));
      else if ((text.split(".")[1] ?? "").length > currencyExponent(currency)) ctx.addIssue(customIssue("amountPrecision"));
    })
    .transform((text) => (text === "" ? null : toMinorUnits(text, currency)));

const settingsFields = (currency: string) =>
  z.object({
    senderName: optionalText(SETTINGS_LIMITS.senderName.max),
    senderEmail: optionalEmail,
    replyToEmail: optionalEmail,
    abandonmentMinutes: wholeNumber(SETTINGS_LIMITS.abandonmentMinutes),
    requireMarketingConsent: z.boolean(),
    frequencyCapHours: wholeNumber(SETTINGS_LIMITS.frequencyCapHours),
    attributionDays: wholeNumber(SETTINGS_LIMITS.attributionDays),
    highValueThreshold: optionalAmount(currency),
    holdoutPercent: wholeNumber(SETTINGS_LIMITS.holdoutPercent),
    bannerText: optionalText(SETTINGS_LIMITS.bannerText.max),
  });

const quietHoursFields = z.object({ quietHours: z.boolean(), quietHoursStart: z.string(), quietHoursEnd: z.string() });

// Its own schema so that its cross-field check runs even when another field of the form is wrong.
const quietHoursSchema = quietHoursFields
  .superRefine(({ quietHours, quietHoursStart, quietHoursEnd }, ctx) => {
    if (!quietHours) return;
    const start = clockTimeToMinute(quietHoursStart);
    const end = clockTimeToMinute(quietHoursEnd);
    if (start === null) ctx.addIssue(customIssue("clockTime", "quietHoursStart"));
    if (end === null) ctx.addIssue(customIssue("clockTime", "quietHoursEnd"));
    // An empty window would silently mean "no quiet hours" to the sequencer.
    else if (start === end) ctx.addIssue(customIssue("sameQuietHours", "quietHoursEnd"));
  })
  .transform(({ quietHours, quietHoursStart, quietHoursEnd }) => ({
    quietHoursStartMinute: quietHours ? clockTimeToMinute(quietHoursStart) : null,
    quietHoursEndMinute: quietHours ? clockTimeToMinute(quietHoursEnd) : null,
  }));

/** The settings form as submitted, checked field by field; money in the shop's currency becomes minor units. */
export function parseShopSettings(input: unknown, currency: string): ParsedShopSettings {
  const fields = settingsFields(currency);
  const rest = fields.safeParse(input);
  const quietHours = quietHoursSchema.safeParse(input);
  if (rest.success && quietHours.success) {
    const { highValueThreshold, ...settings } = rest.data;
    return { ok: true, settings: { ...settings, highValueThresholdMinor: highValueThreshold, ...quietHours.data } };
  }

  const known = new Set([...Object.keys(fields.shape), ...Object.keys(quietHoursFields.shape)]);
  const fieldErrors: SettingsFieldErrors = {};
  for (const { path, message } of [...(rest.error?.issues ?? []), ...(quietHours.error?.issues ?? [])]) {
    const [field] = path;
    // Anything else (a missing field, a number where text belongs) is a form this page did not send.
    if (path.length === 1 && typeof field === "string" && known.has(field) && isSettingsErrorCode(message)) fieldErrors[field as ShopSettingsField] ??= message;
    else fieldErrors.form ??= "form";
  }
  return { ok: false, fieldErrors };
}

export function isSettingsErrorCode(value: string): value is SettingsErrorCode {
  return (ERROR_CODES as readonly string[]).includes(value);
}
