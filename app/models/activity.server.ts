import type { Prisma } from "@prisma/client";
import type { Db } from "~/db/client.server";
import type { ActivityKind } from "~/recovery/activity";

export interface ActivityEntry {
  kind: ActivityKind;
  at: Date;
  checkoutId?: number | null;
  enrollmentId?: number | null;
  stepRunId?: number | null;
  reason?: string | null;
  /** Never personal data: this feeds the merchant's timeline and outlives redaction. */
  detail?: Prisma.InputJsonObject;
}

export async function recordActivity(db: Db, shop: string, entry: ActivityEntry): Promise<void> {
  await db.activity.create({ data: { shop, ...entry }, select: { id: true } });
}

export function listCheckoutActivity(db: Db, shop: string, checkoutId: number) {
  return db.activity.findMany({ where: { shop, checkoutId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
}
