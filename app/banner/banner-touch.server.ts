import { localDay } from "~/dashboard/local-day";
import type { Db } from "~/db/client.server";
import { recordActivity } from "~/models/activity.server";
import { bannerTouchedSince, checkoutForCart } from "~/models/banner-state.server";
import { bumpDailyStats } from "~/models/daily-stat.server";
import { findShop } from "~/models/shop.server";

export const BANNER_TOUCHES = ["impression", "click"] as const;
export type BannerTouch = (typeof BANNER_TOUCHES)[number];

const KIND = { impression: "banner_shown", click: "banner_clicked" } as const;
const STAT = { impression: "bannerShown", click: "bannerClicked" } as const;

// A shopper browsing sees the banner on page after page: the timeline and the statistics want visits, not page views.
const ONCE_PER_MS = 30 * 60_000;

/**
 * Records that the shopper saw or clicked the banner, on the timeline of the checkout their cart belongs
 * to and in the shop's daily figures. Meant to run in one transaction, so the two always agree.
 */
export async function recordBannerTouch(db: Db, shop: string, cartToken: string, touch: BannerTouch, now: Date): Promise<boolean> {
  const checkout = await checkoutForCart(db, shop, cartToken);
  if (!checkout) return false;
  const kind = KIND[touch];
  if (await bannerTouchedSince(db, shop, checkout.id, kind, new Date(now.getTime() - ONCE_PER_MS))) return false;
  await recordActivity(db, shop, { kind, checkoutId: checkout.id, enrollmentId: checkout.enrollmentId, at: now });
  const { timezone } = (await findShop(db, shop))!;
  await bumpDailyStats(db, shop, { day: localDay(now, timezone) }, { [STAT[touch]]: 1 });
  return true;
}
