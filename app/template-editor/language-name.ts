/** "ko" in the admin's language: "Korean", "한국어"; the tag itself when Intl does not know it. */
export function languageName(locale: string, uiLocale: string): string {
  try {
    return new Intl.DisplayNames([uiLocale], { type: "language" }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}
