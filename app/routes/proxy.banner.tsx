import type { LoaderFunctionArgs } from "@remix-run/node";
import { bannerOfferForCart } from "~/banner/banner-offer.server";
import { db } from "~/db/client.server";
import { authenticate } from "~/shopify.server";

// GET /apps/comeback/banner?cart_token=… on the storefront, forwarded and signed by Shopify's app proxy.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.public.appProxy(request);
  const url = new URL(request.url);
  const offer = await bannerOfferForCart(db, url.searchParams.get("shop")!, url.searchParams.get("cart_token"), new Date());
  // The answer is about one shopper's cart: never cached by the storefront's CDN or shared between visitors.
  return Response.json(offer, { headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } });
};
