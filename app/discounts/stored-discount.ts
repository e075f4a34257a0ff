import type { DiscountCode } from "@prisma/client";
import type { OfferedDiscount } from "~/templates/context";
import type { DiscountKind } from "./discount-offer";

/**
 * A code's life: active until the shopper orders (redeemed if the order used it, else deactivating until
 * Shopify confirms it is switched off) or until it ends by itself (expired). deactivation_failed: Shopify
 * would not switch it off; it still ends by itself at endsAt.
 */
export type DiscountStatus = "active" | "redeemed" | "deactivating" | "deactivated" | "expired" | "deactivation_failed";

export function offeredDiscount(discount: Pick<DiscountCode, "code" | "kind" | "value" | "endsAt">): OfferedDiscount {
  return { code: discount.code, kind: discount.kind as DiscountKind, value: discount.value, endsAt: discount.endsAt };
}

/** Whether a shopper can still use the code: offering one that is not would only show them an error. */
export function isUsable(discount: Pick<DiscountCode, "status" | "endsAt">, now: Date): boolean {
  return discount.status === "active" && discount.endsAt > now;
}
