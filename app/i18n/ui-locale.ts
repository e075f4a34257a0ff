export const UI_LOCALES = ["en", "ko"] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/**
 * The language of the admin pages: the Shopify admin's own (it opens the app with ?locale=ko-KR), else
 * the browser's, else English.
 */
export function uiLocaleFrom(request: Request): UiLocale {
  const requested = new URL(request.url).searchParams.get("locale") ?? request.headers.get("accept-language") ?? "";
  return requested.trim().toLowerCase().startsWith("ko") ? "ko" : "en";
}
