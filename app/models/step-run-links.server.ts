import { storedCartLines, type CartLine } from "~/checkouts/cart-line";
import type { Db } from "~/db/client.server";
import { findDiscountForStepRun } from "./discount-code.server";

/** A sent message as its recovery and unsubscribe links need it. */
export interface LinkedMessage {
  stepRunId: number;
  enrollmentId: number;
  position: number;
  /** Hash of the address the message went to; null before it was sent. */
  recipientHash: string | null;
  shop: { domain: string; name: string | null; status: string };
  /** The cart the message showed; null only if that checkout row is gone. */
  checkout: { id: number; email: string | null; recoveryUrl: string | null; lineItems: CartLine[] } | null;
  /** The code the message offered, if its step had one. */
  discount: { code: string; status: string; endsAt: Date } | null;
}

/**
 * Unlike every other model function this one takes no shop: a link names only its step run, and the
 * link's verified signature, not a session, is what authorises reading it. Whatever the caller does
 * next is scoped by the shop returned here.
 */
export async function findLinkedMessage(db: Db, stepRunId: number): Promise<LinkedMessage | null> {
  const run = await db.stepRun.findUnique({
    where: { id: stepRunId },
    select: {
      id: true,
      shop: true,
      enrollmentId: true,
      position: true,
      checkoutId: true,
      recipientHash: true,
      enrollment: { select: { checkoutId: true } },
      shopRecord: { select: { domain: true, name: true, status: true } },
    },
  });
  if (!run) return null;
  const checkout = await db.checkout.findFirst({
    // A run whose send has not recorded its cart yet shows the enrollment's newest one.
    where: { id: run.checkoutId ?? run.enrollment.checkoutId, shop: run.shop },
    select: { id: true, email: true, recoveryUrl: true, lineItems: true },
  });
  const discount = await findDiscountForStepRun(db, run.shop, run.id);
  return {
    stepRunId: run.id,
    enrollmentId: run.enrollmentId,
    position: run.position,
    recipientHash: run.recipientHash,
    shop: run.shopRecord,
    checkout: checkout && { ...checkout, lineItems: storedCartLines(checkout.lineItems) },
    discount: discount && { code: discount.code, status: discount.status, endsAt: discount.endsAt },
  };
}
