/**
 * Money stays exact: Shopify's decimal strings ("95.39") on the way in, integer minor units (bigint)
 * where the database sums or compares, and Intl.NumberFormat in the shop's currency on the way out.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;

// Building an Intl.NumberFormat costs far more than using one, and every webhook and email needs one
// per price: keep them per locale and currency. Locales come from shoppers, hence the cap.
const currencyFormats = new Map<string, Intl.NumberFormat>();
const MAX_CURRENCY_FORMATS = 500;

function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = currencyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency });
    if (currencyFormats.size >= MAX_CURRENCY_FORMATS) currencyFormats.clear();
    currencyFormats.set(key, format);
  }
  return format;
}

export function isDecimalString(value: string): boolean {
  return DECIMAL.test(value);
}

/** Digits after the decimal point for a currency: 2 for USD, 0 for JPY, 3 for KWD. */
export function currencyExponent(currency: string): number {
  return currencyFormat("en", currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "95.39" USD → 9539n. Digits beyond the currency's precision round half away from zero. */
export function toMinorUnits(amount: string, currency: string): bigint {
  if (!isDecimalString(amount)) throw new RangeError(`"${amount}" is not a decimal amount`);
  const exponent = currencyExponent(currency);
  const negative = amount.startsWith("-");
  const [whole = "0", fraction = ""] = amount.replace("-", "").split(".");
  let minor = BigInt(whole + fraction.padEnd(exponent, "0").slice(0, exponent));
  if ((fraction[exponent] ?? "0") >= "5") minor += 1n;
  return negative ? -minor : minor;
}

/** 9539n USD → "95.39". */
export function fromMinorUnits(minor: bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = (minor < 0n ? -minor : minor).toString().padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${minor < 0n ? "-" : ""}${whole}${exponent ? `.${fraction}` : ""}`;
}

/** Formats a decimal string or minor units in the given currency, for the given locale. */
export function formatMoney(amount: string | bigint, currency: string, locale = "en"): string {
  const decimal = typeof amount === "bigint" ? fromMinorUnits(amount, currency) : amount;
  if (!isDecimalString(decimal)) throw new RangeError(`"${decimal}" is not a decimal amount`);
  return currencyFormat(locale, currency).format(decimal as Intl.StringNumericLiteral);
}
