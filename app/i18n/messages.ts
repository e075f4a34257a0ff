import type { UiLocale } from "./ui-locale";

/** A page's strings in every admin language; Korean must carry every English key. */
export type Messages<Key extends string> = Record<UiLocale, Record<Key, string>>;

export function defineMessages<Key extends string>(messages: { en: Record<Key, string>; ko: NoInfer<Record<Key, string>> }): Messages<Key> {
  return messages;
}

/** Fills `{name}` placeholders; unknown placeholders stay visible, so a missing value shows in review. */
export function translate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in params ? String(params[name]) : placeholder));
}
