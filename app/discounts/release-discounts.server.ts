import type { Db } from "~/db/client.server";
import { activeDiscountsOfCheckouts } from "~/models/discount-code.server";
import { changeDiscount } from "./change-discount.server";

export interface PurchaseDiscounts {
  /** The checkouts the order ended recovery for. */
  checkoutIds: number[];
  /** The codes on the order, as Shopify reports them. */
  usedCodes: string[];
}

/**
 * An order ends the offer of every code its checkouts still had. Database only, so it fits in the order
 * webhook's transaction: a code the order used is spent (Shopify counted its one use); the others are
 * marked for the settle job to switch off in Shopify, so they cannot be passed on and used later.
 */
export async function releaseDiscountsOnPurchase(db: Db, shop: string, { checkoutIds, usedCodes }: PurchaseDiscounts, now: Date) {
  // Shopify matches codes without regard to case, so a shopper may have typed ours in lower case.
  const used = new Set(usedCodes.map((code) => code.trim().toUpperCase()));
  const released = { redeemed: 0, deactivating: 0 };
  for (const discount of await activeDiscountsOfCheckouts(db, shop, checkoutIds)) {
    const redeemed = used.has(discount.code);
    const change = redeemed
      ? { status: "redeemed" as const, endedAt: now, activity: { kind: "discount_redeemed" as const, at: now } }
      : { status: "deactivating" as const, endedAt: now };
    if (await changeDiscount(db, discount, change)) released[change.status] += 1;
  }
  return released;
}
