import type { UiLocale } from "~/i18n/ui-locale";

const INTL_LOCALES: Record<UiLocale, string> = { en: "en-US", ko: "ko-KR" };

/**
 * A stored instant in the shop's own timezone, as the merchant thinks of their day. Naming the zone
 * also makes the server's render and the browser's hydration agree.
 */
export function formatShopTime(iso: string, timezone: string, locale: UiLocale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], { dateStyle: "medium", timeStyle: "short", timeZone: timezone }).format(new Date(iso));
}
