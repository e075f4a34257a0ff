import type { UiLocale } from "~/i18n/ui-locale";

/** "en-US" → "American English", "KR" → "South Korea", in the admin's language; the code itself when Intl does not know it. */
export function displayName(code: string, type: "language" | "region", locale: UiLocale): string {
  try {
    return new Intl.DisplayNames([locale], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}
