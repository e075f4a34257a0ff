import type { Db } from "~/db/client.server";

/** A checkout with the enrollment it belongs to and that enrollment's sequence version number. */
export function findCheckoutWithEnrollment(db: Db, shop: string, checkoutId: number) {
  return db.checkout.findFirst({
    where: { id: checkoutId, shop },
    include: { enrollment: { include: { version: { select: { number: true } } } } },
  });
}

/** Orders linked to the checkout, and those its timeline names (an order can end a sequence through a sibling cart). */
export function ordersForTimeline(db: Db, shop: string, checkoutId: number, orderIds: number[]) {
  return db.order.findMany({
    where: { shop, OR: [{ checkoutId }, { id: { in: orderIds } }] },
    select: { id: true, name: true, totalPrice: true, currency: true, attribution: true, attributedStepRunId: true },
  });
}

/** Which step and channel each run was, for the timeline's wording. */
export function stepRunsForTimeline(db: Db, shop: string, stepRunIds: number[]) {
  return db.stepRun.findMany({ where: { shop, id: { in: stepRunIds } }, select: { id: true, position: true, channel: true } });
}

export async function deliveryIdsOfCheckout(db: Db, shop: string, checkoutId: number): Promise<number[]> {
  const deliveries = await db.webhookDelivery.findMany({ where: { shop, checkoutId }, orderBy: { id: "asc" }, select: { id: true } });
  return deliveries.map((delivery) => delivery.id);
}
