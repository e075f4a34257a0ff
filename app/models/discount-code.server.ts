import type { Db } from "~/db/client.server";
import type { DiscountStatus } from "~/discounts/stored-discount";

export interface NewDiscountCode {
  stepRunId: number;
  enrollmentId: number;
  checkoutId: number;
  code: string;
  shopifyDiscountId: string;
  kind: string;
  value: string;
  minSubtotal: string | null;
  endsAt: Date;
}

export function storeDiscountCode(db: Db, shop: string, discount: NewDiscountCode) {
  return db.discountCode.create({ data: { shop, ...discount } });
}

export function findDiscountForStepRun(db: Db, shop: string, stepRunId: number) {
  return db.discountCode.findFirst({ where: { shop, stepRunId } });
}

export function activeDiscountsOfCheckouts(db: Db, shop: string, checkoutIds: number[]) {
  return db.discountCode.findMany({ where: { shop, checkoutId: { in: checkoutIds }, status: "active" satisfies DiscountStatus } });
}

// The two work lists below span shops, like the sequencer's due step runs: a background job reads them.

/** Codes still counted as live whose end has passed. */
export function endedDiscounts(db: Db, now: Date, limit: number) {
  return db.discountCode.findMany({
    where: { status: { in: ["active", "deactivating"] satisfies DiscountStatus[] }, endsAt: { lte: now } },
    orderBy: { endsAt: "asc" },
    take: limit,
  });
}

/** Codes waiting to be switched off in Shopify, longest waiting first. */
export function discountsToDeactivate(db: Db, now: Date, limit: number) {
  return db.discountCode.findMany({
    where: { status: "deactivating" satisfies DiscountStatus, endsAt: { gt: now }, shopifyDiscountId: { not: null } },
    orderBy: [{ endedAt: "asc" }, { id: "asc" }],
    take: limit,
  });
}

/** Moves a code on from the status it was read in; false when another process moved it first. */
export async function moveDiscount(
  db: Db,
  shop: string,
  id: number,
  from: DiscountStatus,
  to: { status: DiscountStatus; endedAt?: Date },
): Promise<boolean> {
  const { count } = await db.discountCode.updateMany({ where: { id, shop, status: from }, data: to });
  return count === 1;
}
