import type { UiLocale } from "~/i18n/ui-locale";

const INTL_LOCALE: Record<UiLocale, string> = { en: "en-US", ko: "ko-KR" };

/** An instant as the merchant reads it: in the shop's timezone, in the admin's language. */
export function formatShopTime(iso: string, timeZone: string, locale: UiLocale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}
