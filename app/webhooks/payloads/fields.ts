import { z } from "zod";
import { isDecimalString } from "~/lib/money";

// Field schemas shared by Shopify's webhook payloads. Limits are far above anything Shopify sends and
// keep a hostile body from filling the database.

/** Numeric ids stay strings: 18-digit ids do not survive as JS numbers. */
export const shopifyId = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d{1,30}$/, "expected a numeric id")])
  .transform(String);

export const token = z.string().min(1).max(255);

/** A trillion units is beyond any real cart in any currency, and keeps minor units (and their sums) well inside 64 bits. */
const MAX_WHOLE_DIGITS = 12;
const wholeDigits = (amount: string) => amount.replace(/^-/, "").split(".")[0]!.replace(/^0+/, "").length;

export const decimalAmount = z
  .string()
  .max(40)
  .refine(isDecimalString, 'expected a decimal string such as "95.39"')
  .refine((amount) => wholeDigits(amount) <= MAX_WHOLE_DIGITS, `expected at most ${MAX_WHOLE_DIGITS} digits before the decimal point`);

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, "expected a three-letter currency code");

// Shopify's times fall well inside this; the bounds keep stored dates, and the delays added to them, within
// what the database holds (four-digit years).
const EARLIEST_TIME = Date.UTC(1970, 0, 1);
const LATEST_TIME = Date.UTC(3000, 0, 1);

export const timestamp = z
  .string()
  .max(64)
  .refine((value) => !Number.isNaN(Date.parse(value)), "expected an ISO 8601 time")
  .refine((value) => Date.parse(value) >= EARLIEST_TIME && Date.parse(value) < LATEST_TIME, "expected a time between 1970 and 2999")
  .transform((value) => new Date(value));

export const shopDomain = z.string().max(255);

/** Absent, null and blank all become null. */
export function optional<T extends z.ZodType<string | null | undefined>>(schema: T) {
  return schema.nullish().transform((value) => (value?.trim() ? value.trim() : null));
}

export const text = optional(z.string().max(1000));

/** Emails are compared case-insensitively everywhere, so they are stored lower-cased. */
export const email = optional(z.string().max(320)).transform((value) => value?.toLowerCase() ?? null);

export const phone = optional(z.string().max(64));

export const url = optional(z.string().max(2048).regex(/^https?:\/\//, "expected an http(s) URL"));

export const flag = z
  .boolean()
  .nullish()
  .transform((value) => value ?? false);

/** Shopify sends an empty array instead of null when no address was entered. */
export const address = z
  .union([
    z.object({ first_name: text, last_name: text, country_code: text, phone }),
    z.array(z.unknown()).max(0).transform(() => null),
  ])
  .nullish()
  .transform((value) => value ?? null);
