import type { Db } from "~/db/client.server";

/**
 * The shop's newest checkouts a template could be written for (abandoned or still open, with an
 * address), for previewing a template with a real cart. Only what the picker shows is read.
 */
export function recentCheckoutsWithEmail(db: Db, shop: string, limit: number) {
  return db.checkout.findMany({
    where: { shop, status: { in: ["abandoned", "open"] }, email: { not: null }, redactedAt: null },
    orderBy: [{ shopifyCreatedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, email: true, shopifyCreatedAt: true },
  });
}
