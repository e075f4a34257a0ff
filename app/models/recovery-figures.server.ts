import type { Db } from "~/db/client.server";

export interface Period {
  from: Date;
  to: Date;
}

/** Checkouts, abandonments and enrollments of the shop whose cart was abandoned (or created) in the period. */
export async function checkoutFigures(db: Db, shop: string, { from, to }: Period) {
  const abandonedInPeriod = { shop, abandonedAt: { gte: from, lt: to } };
  const [checkouts, abandoned, enrolled, holdout] = await Promise.all([
    db.checkout.count({ where: { shop, shopifyCreatedAt: { gte: from, lt: to } } }),
    db.checkout.count({ where: abandonedInPeriod }),
    db.enrollment.count({ where: { ...abandonedInPeriod, holdout: false } }),
    db.enrollment.count({ where: { ...abandonedInPeriod, holdout: true } }),
  ]);
  return { checkouts, abandoned, enrolled, holdout };
}

/** Emails sent in the period, and how many of them were delivered, opened and clicked (each counted once). */
export async function emailFigures(db: Db, shop: string, { from, to }: Period) {
  const sent = { shop, channel: "email", status: "sent", sentAt: { gte: from, lt: to } };
  const [emailed, delivered, opened, clicked] = await Promise.all([
    db.stepRun.count({ where: sent }),
    db.stepRun.count({ where: { ...sent, deliveredAt: { not: null } } }),
    db.stepRun.count({ where: { ...sent, firstOpenedAt: { not: null } } }),
    db.stepRun.count({ where: { ...sent, firstClickedAt: { not: null } } }),
  ]);
  return { emailed, delivered, opened, clicked };
}

/** Orders attributed in the period, by kind, with their revenue in the shop's currency (minor units). */
export async function attributedOrderFigures(db: Db, shop: string, currency: string, { from, to }: Period) {
  const groups = await db.order.groupBy({
    by: ["attribution"],
    where: { shop, currency, attribution: { not: null }, shopifyCreatedAt: { gte: from, lt: to } },
    _count: { _all: true },
    _sum: { totalPriceMinor: true },
  });
  const figure = (kind: string) => {
    const group = groups.find((candidate) => candidate.attribution === kind);
    return { orders: group?._count._all ?? 0, revenueMinor: group?._sum.totalPriceMinor ?? 0n };
  };
  return { recovered: figure("clicked"), boughtAfterEmail: figure("after_email") };
}
