import type { Db } from "~/db/client.server";
import { toMinorUnits } from "~/lib/money";
import { bumpStepDailyStats } from "~/models/daily-stat.server";
import { findStepRun } from "~/models/step-run.server";
import { localDay } from "./local-day";

export interface AttributedOrder {
  order: { shopifyCreatedAt: Date; currency: string; totalPrice: string };
  attribution: { kind: "clicked" | "after_email"; stepRunId: number };
}

/**
 * Counts an attributed order on the day it was placed, on the shop's totals and on the attributed
 * step's (and variant's) rows: as recovered after a click, or apart as bought after an email. Orders
 * in another currency are left out, as the direct report leaves them out.
 */
export async function countAttributedOrder(db: Db, shop: { domain: string; timezone: string; currency: string }, { order, attribution }: AttributedOrder): Promise<void> {
  const { domain, timezone, currency } = shop;
  const message = await findStepRun(db, domain, attribution.stepRunId);
  if (order.currency !== currency || !message) return;
  const revenueMinor = toMinorUnits(order.totalPrice, order.currency);
  const deltas =
    attribution.kind === "clicked"
      ? { recoveredOrders: 1, recoveredRevenueMinor: revenueMinor }
      : { afterEmailOrders: 1, afterEmailRevenueMinor: revenueMinor };
  const day = localDay(order.shopifyCreatedAt, timezone);
  await bumpStepDailyStats(db, domain, { day, position: message.position, variantId: message.variantId }, deltas);
}
