import type { Db } from "~/db/client.server";
import { findActiveDiscount } from "~/models/discount-code.server";
import type { OfferedDiscount } from "~/templates/context";
import { offeredDiscount } from "./stored-discount";

/** The code the storefront banner reminds the shopper of: the newest one still usable on their checkout. */
export async function activeDiscountForCheckout(db: Db, shop: string, checkoutId: number, now = new Date()): Promise<OfferedDiscount | null> {
  const discount = await findActiveDiscount(db, shop, checkoutId, now);
  return discount && offeredDiscount(discount);
}
