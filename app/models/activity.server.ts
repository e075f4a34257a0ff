import type { Prisma } from "@prisma/client";
import { sql, type Db } from "~/db/client.server";
import type { RawSql } from "~/db/direct-transaction.server";
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
export function recordActivity(db: Db, shop: string, entry: ActivityEntry): Promise<void> {
  return recordActivities(db, [{ shop, ...entry }]);
}

/** Several entries, of any shops, in one statement. */
export async function recordActivities(db: RawSql, entries: Array<ActivityEntry & { shop: string }>): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(
    ({ shop, kind, at, checkoutId = null, enrollmentId = null, stepRunId = null, reason = null, detail }) =>
      sql.sql`(${shop}, ${kind}, ${at}, ${checkoutId}, ${enrollmentId}, ${stepRunId}, ${reason}, ${detail ? JSON.stringify(detail) : null})`,
  );
  await db.$executeRaw`
    INSERT INTO "Activity" ("shop", "kind", "at", "checkoutId", "enrollmentId", "stepRunId", "reason", "detail")
    VALUES ${sql.join(rows)}`;
}

export function listCheckoutActivity(db: Db, shop: string, checkoutId: number) {
  return db.activity.findMany({ where: { shop, checkoutId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
}
