/**
 * Phone numbers in E.164 ("+14155550123"), the form SMS and WhatsApp APIs take. Shopify passes the
 * number as the shopper typed it, so a national number ("07700 900123") is completed with the calling
 * code of the checkout's country, after dropping the national trunk prefix.
 *
 * Only the countries below are known. For any other country a number is accepted only when it is
 * already international ("+…" or "00…"): guessing a calling code would text a stranger.
 */
interface Numbering {
  callingCode: string;
  /** Dialled before national numbers inside the country and dropped internationally; "" when none. */
  trunkPrefix: string;
  /** Where every national number has the same length. */
  nationalLength?: number;
}

// North American area codes never start with 1, so a leading 1 is always the trunk prefix.
const NANP: Numbering = { callingCode: "1", trunkPrefix: "1", nationalLength: 10 };
const ZERO_TRUNK = (callingCode: string): Numbering => ({ callingCode, trunkPrefix: "0" });
const NO_TRUNK = (callingCode: string): Numbering => ({ callingCode, trunkPrefix: "" });

const NUMBERING: Readonly<Record<string, Numbering>> = {
  US: NANP,
  CA: NANP,
  PR: NANP,
  GB: ZERO_TRUNK("44"),
  IE: ZERO_TRUNK("353"),
  AU: ZERO_TRUNK("61"),
  NZ: ZERO_TRUNK("64"),
  DE: ZERO_TRUNK("49"),
  AT: ZERO_TRUNK("43"),
  CH: ZERO_TRUNK("41"),
  FR: ZERO_TRUNK("33"),
  BE: ZERO_TRUNK("32"),
  NL: ZERO_TRUNK("31"),
  SE: ZERO_TRUNK("46"),
  FI: ZERO_TRUNK("358"),
  JP: ZERO_TRUNK("81"),
  KR: ZERO_TRUNK("82"),
  IN: ZERO_TRUNK("91"),
  BR: ZERO_TRUNK("55"),
  ZA: ZERO_TRUNK("27"),
  AE: ZERO_TRUNK("971"),
  IL: ZERO_TRUNK("972"),
  // Italy keeps the leading 0 of landlines in international form.
  IT: NO_TRUNK("39"),
  ES: NO_TRUNK("34"),
  PT: NO_TRUNK("351"),
  DK: NO_TRUNK("45"),
  NO: NO_TRUNK("47"),
  PL: NO_TRUNK("48"),
  CZ: NO_TRUNK("420"),
  SG: NO_TRUNK("65"),
  HK: NO_TRUNK("852"),
  MX: NO_TRUNK("52"),
};

/** E.164 allows 15 digits; fewer than 8 is no real subscriber number in any country above. */
const DIGITS = /^\d{8,15}$/;
const SEPARATORS = /[\s().\-/]/g;

/** The number in E.164, or null when it cannot be made one with confidence. */
export function toE164(phone: string | null, countryCode: string | null): string | null {
  const compact = phone?.trim().replace(SEPARATORS, "") ?? "";
  if (!compact) return null;
  const international = compact.startsWith("+") ? compact.slice(1) : compact.startsWith("00") ? compact.slice(2) : null;
  if (international !== null) return DIGITS.test(international) ? `+${international}` : null;

  const numbering = countryCode ? NUMBERING[countryCode.toUpperCase()] : undefined;
  if (!numbering || !/^\d+$/.test(compact)) return null;
  const { callingCode, trunkPrefix, nationalLength } = numbering;
  const national = trunkPrefix && compact.startsWith(trunkPrefix) ? compact.slice(trunkPrefix.length) : compact;
  if (nationalLength !== undefined && national.length !== nationalLength) return null;
  const digits = callingCode + national;
  return DIGITS.test(digits) ? `+${digits}` : null;
}
