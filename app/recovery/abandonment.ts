/** The contact and state fields that decide whether a checkout can be abandoned. */
export interface AbandonmentFacts {
  email: string | null;
  phone: string | null;
  completedAt: Date | null;
  shopifyUpdatedAt: Date;
}

/**
 * When a checkout counts as abandoned if Shopify hears nothing more from it: `abandonmentMinutes`
 * after its last update (Shopify's own rule uses 10). Only checkouts we could reach qualify, and a
 * completed one never does.
 */
export function abandonmentCheckTime(checkout: AbandonmentFacts, abandonmentMinutes: number): Date | null {
  if (checkout.completedAt || (!checkout.email && !checkout.phone)) return null;
  return new Date(checkout.shopifyUpdatedAt.getTime() + abandonmentMinutes * 60_000);
}
