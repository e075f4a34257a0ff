export const CHECKOUT_STATUSES = ["open", "abandoned", "recovered", "completed"] as const;
export type CheckoutStatus = (typeof CHECKOUT_STATUSES)[number];

/** Statuses a purchase can still change; the others are final. */
export const UNPURCHASED_STATUSES = ["open", "abandoned"] as const satisfies readonly CheckoutStatus[];

/**
 * A purchase ends every checkout: one we had counted as abandoned was recovered, any other simply
 * completed. A final status never changes again, whichever signal (order or completed checkout) comes second.
 */
export function statusAfterPurchase(status: CheckoutStatus): CheckoutStatus {
  if (status === "abandoned") return "recovered";
  if (status === "open") return "completed";
  return status;
}
