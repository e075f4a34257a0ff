/**
 * Whether a cart is worth the support team's attention: at or above the shop's threshold. The threshold
 * is in the shop's currency, and without exchange rates only carts in that currency can be judged.
 */
export function isHighValueCart(
  checkout: { currency: string; totalPriceMinor: bigint },
  shop: { currency: string; highValueThresholdMinor: bigint | null },
): boolean {
  return shop.highValueThresholdMinor !== null && checkout.currency === shop.currency && checkout.totalPriceMinor >= shop.highValueThresholdMinor;
}
