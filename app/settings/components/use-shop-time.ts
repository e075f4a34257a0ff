import { useUiLocale } from "~/i18n/use-messages";
import { formatShopTime } from "../format-shop-time";

/** Formats ISO instants in the shop's timezone and the admin's language. */
export function useShopTime(timezone: string): (iso: string) => string {
  const locale = useUiLocale();
  return (iso) => formatShopTime(iso, timezone, locale);
}
