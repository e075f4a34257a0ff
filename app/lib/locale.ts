/**
 * The locale to format a message in: the shopper's, else the shop's, else English. Shopify passes
 * customer_locale through as the storefront sent it, and Intl throws on a malformed tag, so malformed
 * ones are passed over.
 */
export function readerLocale(...candidates: (string | null)[]): string {
  return candidates.find(isWellFormedLocale) ?? "en";
}

function isWellFormedLocale(locale: string | null): locale is string {
  if (!locale) return false;
  try {
    Intl.getCanonicalLocales(locale);
    return true;
  } catch {
    return false;
  }
}
