import type { DiscountCode, PrismaClient } from "@prisma/client";
import { logger } from "~/lib/logger.server";
import { discountsToDeactivate, endedDiscounts } from "~/models/discount-code.server";
import { retryGivesUp } from "~/sequencer/retry-policy";
import type { Clock } from "~/sequencer/sequencer-services";
import type { ShopifyAdmin } from "~/shopify-admin/shopify-admin";
import { changeDiscount, type DiscountChange } from "./change-discount.server";

export interface SettleServices {
  db: PrismaClient;
  adminFor: (shop: string) => Promise<ShopifyAdmin>;
  clock: Clock;
  batchSize: number;
}

export interface SettleReport {
  deactivated: number;
  expired: number;
  /** Left for a later tick after a failure worth retrying. */
  retrying: number;
  /** Given up on: Shopify refused for good, or kept failing for a day. */
  failed: number;
}

/**
 * A sequencer-tick job that brings codes to their final status. Codes past their end become expired
 * without a call: Shopify itself stops accepting a code at its endsAt. Codes released by a purchase
 * are switched off in Shopify, one batch per tick, so a Shopify outage cannot hold the tick.
 */
export async function settleDiscounts({ db, adminFor, clock, batchSize }: SettleServices): Promise<SettleReport> {
  const report: SettleReport = { deactivated: 0, expired: 0, retrying: 0, failed: 0 };
  report.expired = await expireEnded(db, clock, batchSize);
  for (const [shop, discounts] of byShop(await discountsToDeactivate(db, clock(), batchSize))) {
    try {
      await deactivateInShopify(db, await adminFor(shop), discounts, clock, report);
    } catch (error) {
      logger.error("Deactivating discount codes failed unexpectedly", { shop, error });
      report.retrying += discounts.length;
    }
  }
  return report;
}

async function expireEnded(db: PrismaClient, clock: Clock, batchSize: number): Promise<number> {
  let expired = 0;
  for (;;) {
    const ended = await endedDiscounts(db, clock(), batchSize);
    for (const discount of ended) {
      const change = { status: "expired", endedAt: discount.endedAt ?? discount.endsAt, activity: { kind: "discount_expired", at: discount.endsAt } } as const;
      if (await conclude(db, discount, change)) expired += 1;
    }
    if (ended.length < batchSize) return expired;
  }
}

/** One shop's codes, in order; the first failure worth retrying leaves the rest of the shop's for the next tick. */
async function deactivateInShopify(db: PrismaClient, admin: ShopifyAdmin, discounts: DiscountCode[], clock: Clock, report: SettleReport): Promise<void> {
  for (const [index, discount] of discounts.entries()) {
    const result = await admin.deactivateDiscountCode(discount.shopifyDiscountId!);
    const now = clock();
    if (result.status === "deactivated") {
      if (await conclude(db, discount, { status: "deactivated", activity: { kind: "discount_deactivated", at: now } })) report.deactivated += 1;
      continue;
    }
    // Released codes carry the purchase time as endedAt: the day of retries counts from it.
    if (result.status === "retryable" && !retryGivesUp(discount.endedAt ?? discount.createdAt, now)) {
      logger.warn("Shopify did not deactivate a discount code; retrying on a later tick", { shop: discount.shop, code: discount.code, error: result.error });
      report.retrying += discounts.length - index;
      return;
    }
    logger.warn("Gave up deactivating a discount code", { shop: discount.shop, code: discount.code, error: result.error });
    const activity = { kind: "discount_deactivation_failed", at: now, reason: result.status === "failed" ? "refused" : "gave_up", detail: { error: result.error } } as const;
    if (await conclude(db, discount, { status: "deactivation_failed", activity })) report.failed += 1;
  }
}

function conclude(db: PrismaClient, discount: DiscountCode, change: DiscountChange): Promise<boolean> {
  return db.$transaction((tx) => changeDiscount(tx, discount, change));
}

function byShop(discounts: DiscountCode[]): Map<string, DiscountCode[]> {
  const shops = new Map<string, DiscountCode[]>();
  for (const discount of discounts) shops.set(discount.shop, [...(shops.get(discount.shop) ?? []), discount]);
  return shops;
}
