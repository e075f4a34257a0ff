import type { Db } from "~/db/client.server";

/** The step an enrollment is waiting on: scheduled and not yet claimed by a worker. */
export function scheduledRunOfEnrollment(db: Db, shop: string, enrollmentId: number) {
  return db.stepRun.findFirst({
    where: { shop, enrollmentId, status: "scheduled" },
    orderBy: { position: "asc" },
    select: { id: true, position: true, channel: true, dueAt: true, scheduledAt: true },
  });
}

/**
 * Makes a scheduled run due at `now`, for a merchant who will not wait. A run that was not yet due
 * counts as first due now, so its retry window starts now too; a deferred one keeps its original start.
 * False when a worker claimed it meanwhile.
 */
export async function makeStepRunDueNow(db: Db, shop: string, run: { id: number; scheduledAt: Date }, now: Date): Promise<boolean> {
  const { count } = await db.stepRun.updateMany({
    where: { id: run.id, shop, status: "scheduled" },
    data: { dueAt: now, scheduledAt: run.scheduledAt > now ? now : run.scheduledAt },
  });
  return count === 1;
}
