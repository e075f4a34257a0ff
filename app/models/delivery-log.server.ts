import type { Db } from "~/db/client.server";

/** A destination's latest deliveries, tests included, each with its attempts oldest first. */
export function recentDeliveriesTo(db: Db, shop: string, destinationId: number, limit: number) {
  return db.webhookDelivery.findMany({
    where: { shop, destinationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      messageId: true,
      event: true,
      status: true,
      createdAt: true,
      nextAttemptAt: true,
      deliveredAt: true,
      deadAt: true,
      lastError: true,
      attemptLog: {
        orderBy: [{ attemptedAt: "asc" }, { id: "asc" }],
        select: { id: true, attemptedAt: true, statusCode: true, latencyMs: true, error: true },
      },
    },
  });
}
