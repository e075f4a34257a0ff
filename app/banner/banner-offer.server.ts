import type { Db } from "~/db/client.server";
import { bannerStateForCart } from "~/models/banner-state.server";
import { bannerOffer, type BannerOffer } from "./banner-offer";

const CART_TOKEN = /^[\w-]{1,255}$/;

/** The banner offer for a storefront cart; a malformed token (or none) simply gets no banner. */
export async function bannerOfferForCart(db: Db, shop: string, cartToken: string | null, now: Date): Promise<BannerOffer> {
  if (!cartToken || !CART_TOKEN.test(cartToken)) return { show: false };
  return bannerOffer(await bannerStateForCart(db, shop, cartToken), now);
}
