import { useFetcher } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useEffect } from "react";
import { useUiLocale } from "~/i18n/use-messages";
import type { CheckoutActionResult } from "./action-results";
import { actionToast } from "./action-toast";

export type CheckoutIntent = CheckoutActionResult["intent"];

/**
 * Posts a button's intent to the checkout page's action and answers with an App Bridge toast; Remix
 * then reloads the page's data, so the timeline shows what happened.
 */
export function useCheckoutAction({ timezone, currency }: { timezone: string; currency: string }) {
  const fetcher = useFetcher<CheckoutActionResult>();
  const shopify = useAppBridge();
  const locale = useUiLocale();
  const result = fetcher.data;

  useEffect(() => {
    if (result) shopify.toast.show(actionToast(result, { locale, timezone, currency }));
  }, [result, shopify, locale, timezone, currency]);

  const pending = fetcher.state !== "idle" ? (fetcher.formData?.get("intent") as CheckoutIntent | undefined) : undefined;
  return {
    run: (intent: CheckoutIntent) => fetcher.submit({ intent }, { method: "post" }),
    pending,
  };
}
