import type { Db } from "~/db/client.server";

/** The shop's newest checkouts, for the merchant to test a destination with; erased ones have nothing left to show. */
export function recentCheckouts(db: Db, shop: string, limit: number) {
  return db.checkout.findMany({
    where: { shop, redactedAt: null },
    orderBy: [{ shopifyCreatedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, email: true, firstName: true, lastName: true, totalPrice: true, currency: true, status: true, shopifyCreatedAt: true },
  });
}
