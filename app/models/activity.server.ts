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

/** Raw SQL: nearly everything the app does records an entry, and Prisma compiles this model write slowly. */
export async function recordActivity(db: Db, shop: string, { kind, at, checkoutId = null, enrollmentId = null, stepRunId = null, reason = null, detail }: ActivityEntry): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "Activity" ("shop", "kind", "at", "checkoutId", "enrollmentId", "stepRunId", "reason", "detail")
    VALUES (${shop}, ${kind}, ${at}, ${checkoutId}, ${enrollmentId}, ${stepRunId}, ${reason}, ${detail ? JSON.stringify(detail) : null})`;
}

export function listCheckoutActivity(db: Db, shop: string, checkoutId: number) {
  return db.activity.findMany({ where: { shop, checkoutId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
}
