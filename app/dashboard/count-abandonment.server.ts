import type { Checkout } from "@prisma/client";
import type { Db } from "~/db/client.server";
import { bumpDailyStats } from "~/models/daily-stat.server";
import { findShop } from "~/models/shop.server";
import { localDay } from "./local-day";

export interface Abandonment {
  at: Date;
  checkout: Pick<Checkout, "currency" | "totalPriceMinor">;
  /** The enrollment the abandonment started, if it started one (a newer cart joining a running one does not). */
  enrollment: { holdout: boolean } | null;
}

/** Counts an abandoned checkout, its cart's value and the enrollment it started, on the day it was abandoned. */
export async function countAbandonment(db: Db, shop: string, { at, checkout, enrollment }: Abandonment): Promise<void> {
  const { timezone, currency } = (await findShop(db, shop))!;
  await bumpDailyStats(
    db,
    shop,
    { day: localDay(at, timezone) },
    {
      abandoned: 1,
      // Carts in another currency count, but their value cannot be added to the shop's.
      abandonedValueMinor: checkout.currency === currency ? checkout.totalPriceMinor : 0n,
      enrolled: enrollment && !enrollment.holdout ? 1 : 0,
      heldOut: enrollment?.holdout ? 1 : 0,
    },
  );
}
