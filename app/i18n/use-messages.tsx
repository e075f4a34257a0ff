import { createContext, useContext, type ReactNode } from "react";
import { translate, type Messages } from "./messages";
import type { UiLocale } from "./ui-locale";

const UiLocaleContext = createContext<UiLocale>("en");

export function UiLocaleProvider({ locale, children }: { locale: UiLocale; children: ReactNode }) {
  return <UiLocaleContext.Provider value={locale}>{children}</UiLocaleContext.Provider>;
}

export function useUiLocale(): UiLocale {
  return useContext(UiLocaleContext);
}

/** `const t = useMessages(dashboardMessages); t("title")`, in the admin's language. */
export function useMessages<Key extends string>(messages: Messages<Key>) {
  const locale = useUiLocale();
  return (key: Key, params?: Record<string, string | number>) => translate(messages[locale][key], params);
}
