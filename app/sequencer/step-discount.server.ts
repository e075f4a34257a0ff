import { ensureStepDiscount } from "~/discounts/ensure-step-discount.server";
import type { OfferedDiscount } from "~/templates/context";
import type { Clock, SequencerServices } from "./sequencer-services";
import type { StepContext } from "./step-context.server";
import type { SendOutcome, stepOutcomes } from "./step-outcomes.server";

/**
 * The step's discount code, created in Shopify now that the step is about to send, or null when the
 * step offers none. A Shopify failure ends the send here: later, or for good.
 */
export async function offerStepDiscount(
  services: SequencerServices,
  { run, enrollment, step, shop, checkout }: StepContext,
  clock: Clock,
  { fail, retryLater }: ReturnType<typeof stepOutcomes>,
): Promise<{ discount: OfferedDiscount | null } | { ended: SendOutcome }> {
  if (!step.discountKind) return { discount: null };
  const admin = await services.adminFor(shop.domain);
  const offer = await ensureStepDiscount({ db: services.db, admin, shop: shop.domain, step, stepRunId: run.id, enrollmentId: enrollment.id, checkout, now: clock() });
  if (offer.status === "retryable") return { ended: await retryLater("discount_unavailable", offer.error, offer.retryAfterMs) };
  if (offer.status === "failed") return { ended: await fail("discount_failed", offer.error) };
  return { discount: offer.discount };
}
