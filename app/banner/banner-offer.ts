import { recoveryDestination } from "~/links/recovery-destination";
import type { BannerState } from "~/models/banner-state.server";

export type BannerOffer =
  | { show: false }
  | { show: true; message: string | null; restoreUrl: string; discount: { code: string; endsAt: string } | null };

const HIDDEN: BannerOffer = { show: false };

/**
 * What the storefront shows a returning shopper. The banner follows the same state as the emails: only
 * a cart still abandoned and still being recovered gets one; a purchase, an unsubscribe, missing
 * consent, the holdout group or a merchant's stop all end it, and a code shows only while it is active.
 * Nothing personal goes out beyond the cart owner's own way back to it.
 */
export function bannerOffer(state: BannerState | null, now: Date): BannerOffer {
  if (!state?.shopInstalled || state.checkoutStatus !== "abandoned") return HIDDEN;
  const { enrollment } = state;
  if (!enrollment || enrollment.holdout || enrollment.status === "stopped") return HIDDEN;
  const discount = state.discount && state.discount.endsAt > now ? state.discount : null;
  return {
    show: true,
    message: state.bannerText,
    restoreUrl: recoveryDestination({
      shopDomain: state.shopDomain,
      via: { medium: "banner" },
      recoveryUrl: state.recoveryUrl,
      lineItems: state.lineItems,
      discountCode: discount?.code,
    }),
    discount: discount && { code: discount.code, endsAt: discount.endsAt.toISOString() },
  };
}
