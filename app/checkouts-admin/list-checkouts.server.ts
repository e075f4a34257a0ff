import type { CheckoutStatus } from "~/checkouts/checkout-status";
import { addDays, startOfLocalDay } from "~/dashboard/local-day";
import type { Db } from "~/db/client.server";
import { toMinorUnits } from "~/lib/money";
import { listCheckoutsPage, type CheckoutListFilter } from "~/models/checkout-list.server";
import { latestActivityOfCheckouts } from "~/models/latest-activity.server";
import { findShop } from "~/models/shop.server";
import type { ActivityKind } from "~/recovery/activity";
import { cursorToken, readCursor } from "./list-cursor";
import type { CheckoutListQuery } from "./list-query";

const PAGE_SIZE = 25;

export interface CheckoutRow {
  id: number;
  status: CheckoutStatus;
  createdAt: string;
  customerName: string | null;
  email: string | null;
  redacted: boolean;
  totalPrice: string;
  currency: string;
  lastActivity: { kind: ActivityKind; at: string } | null;
}

export interface CheckoutListPage {
  shop: { timezone: string; currency: string };
  rows: CheckoutRow[];
  pageInfo: { hasNext: boolean; hasPrevious: boolean; nextCursor: string | null; previousCursor: string | null };
}

/** One page of the shop's checkouts for the admin list, with each one's latest timeline entry. */
export async function listCheckouts(db: Db, shop: string, query: CheckoutListQuery, pageSize = PAGE_SIZE): Promise<CheckoutListPage> {
  const found = await findShop(db, shop);
  const settings = { timezone: found?.timezone ?? "UTC", currency: found?.currency ?? "USD" };
  const page = await listCheckoutsPage(db, shop, listFilter(query, settings), {
    size: pageSize,
    after: readCursor(query.after),
    before: readCursor(query.before),
  });
  const latest = await latestActivityOfCheckouts(
    db,
    shop,
    page.checkouts.map((checkout) => checkout.id),
  );

  const rows = page.checkouts.map((checkout): CheckoutRow => {
    const activity = latest.get(checkout.id);
    return {
      id: checkout.id,
      status: checkout.status as CheckoutStatus,
      createdAt: checkout.shopifyCreatedAt.toISOString(),
      customerName: [checkout.firstName, checkout.lastName].filter(Boolean).join(" ") || null,
      email: checkout.email,
      redacted: checkout.redactedAt !== null,
      totalPrice: checkout.totalPrice,
      currency: checkout.currency,
      lastActivity: activity ? { kind: activity.kind as ActivityKind, at: activity.at.toISOString() } : null,
    };
  });
  const first = page.checkouts[0];
  const last = page.checkouts.at(-1);
  const positionOf = (checkout: { id: number; shopifyCreatedAt: Date }) => cursorToken({ createdAt: checkout.shopifyCreatedAt, id: checkout.id });
  return {
    shop: settings,
    rows,
    pageInfo: {
      hasNext: page.hasNext,
      hasPrevious: page.hasPrevious,
      nextCursor: page.hasNext && last ? positionOf(last) : null,
      previousCursor: page.hasPrevious && first ? positionOf(first) : null,
    },
  };
}

/** Days are the shop's calendar days, and amounts its currency's, as the merchant reads them. */
function listFilter(query: CheckoutListQuery, shop: { timezone: string; currency: string }): CheckoutListFilter {
  const bySize = query.minTotal !== null || query.maxTotal !== null;
  return {
    statuses: query.statuses,
    createdFrom: query.createdFrom ? startOfLocalDay(query.createdFrom, shop.timezone) : null,
    createdBefore: query.createdTo ? startOfLocalDay(addDays(query.createdTo, 1), shop.timezone) : null,
    hasEmail: query.hasEmail,
    total: bySize
      ? {
          currency: shop.currency,
          min: query.minTotal === null ? null : toMinorUnits(query.minTotal, shop.currency),
          max: query.maxTotal === null ? null : toMinorUnits(query.maxTotal, shop.currency),
        }
      : null,
    emailPrefix: query.emailPrefix,
  };
}
