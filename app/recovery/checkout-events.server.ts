import type { Db } from "~/db/client.server";
import { logger } from "~/lib/logger.server";
import { enqueueCheckoutEvent } from "~/outbound/deliveries.server";
import type { OutboundEvent } from "~/outbound/outbound-events";
import { isHighValueCart } from "./high-value";

// Events merchants receive outside sequence steps. Queueing writes rows only, so it is safe inside a
// webhook's transaction; the delivery worker sends them on the next tick.

export async function announceAbandonment(
  db: Db,
  shop: { domain: string; currency: string; highValueThresholdMinor: bigint | null },
  checkout: { id: number; currency: string; totalPriceMinor: bigint },
  now: Date,
): Promise<void> {
  await announce(db, shop.domain, "checkout.abandoned", checkout.id, now);
  if (isHighValueCart(checkout, shop)) await announce(db, shop.domain, "cart.high_value", checkout.id, now);
}

export function announceRecovery(db: Db, shop: string, checkoutId: number, now: Date): Promise<void> {
  return announce(db, shop, "checkout.recovered", checkoutId, now);
}

async function announce(db: Db, shop: string, event: OutboundEvent, checkoutId: number, now: Date): Promise<void> {
  const { templateErrors } = await enqueueCheckoutEvent(db, shop, event, { checkoutId, now });
  for (const { destinationId, error } of templateErrors) logger.warn("Webhook destination's payload template failed", { shop, event, destinationId, error });
}
