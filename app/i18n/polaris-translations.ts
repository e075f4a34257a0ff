import en from "@shopify/polaris/locales/en.json";
import ko from "@shopify/polaris/locales/ko.json";
import type { UiLocale } from "./ui-locale";

/** Polaris's own strings (pagination, filters, empty states) in the admin's language. */
export const POLARIS_TRANSLATIONS: Record<UiLocale, typeof en> = { en, ko };
