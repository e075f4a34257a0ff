import { Prisma, type StepRun } from "@prisma/client";
import { sqlDialect, type Db } from "~/db/client.server";
import type { Claim } from "./step-run.server";

export interface BatchClaim {
  /** The tick's instant: runs due by then are claimed. */
  now: Date;
  /** When the claim is made (the tick's clock): the lease runs from here. */
  at: Date;
  leaseMs: number;
  /** Unique to this claim; each run's lease id is this followed by the run's id. */
  leasePrefix: string;
  limit: number;
}

/** A claim with its run as the claim left it, so that the sequencer need not read it again. */
export type ClaimedRun = Claim & { run: StepRun };

/**
 * Claims up to `limit` due step runs, oldest first, in one statement: each moves to `sending` under a
 * lease of its own, so every later write stays fenced run by run. On PostgreSQL, rows another worker
 * is claiming are skipped (FOR UPDATE SKIP LOCKED), so workers take disjoint batches instead of
 * queueing on the same oldest rows; SQLite runs one writer at a time, so the statement alone is enough.
 */
export async function claimDueStepRuns(db: Db, { now, at, leaseMs, leasePrefix, limit }: BatchClaim): Promise<ClaimedRun[]> {
  const skipLocked = sqlDialect() === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  // A materialized CTE runs once. As a subquery in the WHERE clause, PostgreSQL may run it again for
  // each row it updates, each run skipping the rows the previous ones took, and claim far past `limit`.
  // The update finds its rows by id alone: they are still scheduled (locked on PostgreSQL; SQLite runs
  // the statement alone), and a second test of the status would have SQLite read every scheduled run
  // through a status index instead of the few due ones by key.
  const claim = Prisma.sql`
    WITH "due" AS MATERIALIZED (
      SELECT "id" FROM "StepRun"
      WHERE "status" = 'scheduled' AND "dueAt" <= ${now}
      ORDER BY "dueAt"
      LIMIT ${limit}
      ${skipLocked}
    )
    UPDATE "StepRun"
    SET "status" = 'sending',
        "leaseOwner" = CAST(${leasePrefix} AS TEXT) || CAST("id" AS TEXT),
        "leaseExpiresAt" = ${new Date(at.getTime() + leaseMs)},
        "updatedAt" = ${at}
    WHERE "id" IN (SELECT "id" FROM "due")
    RETURNING *`;
  const claimed = await db.$queryRaw<StepRun[]>(claim);
  return claimed.map((run) => ({ id: run.id, shop: run.shop, leaseId: run.leaseOwner!, run }));
}
