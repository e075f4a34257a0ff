import type { RawSql } from "~/db/direct-transaction.server";
import { byShop, shopKey } from "~/models/by-shop.server";
import { recordActivities } from "~/models/activity.server";
import { completeEnrollments } from "~/models/enrollment.server";
import { versionSchedules, type ScheduledStep } from "~/models/sequence.server";
import { scheduleStepRuns, type RunToSchedule } from "~/models/step-run.server";

export interface EnrollmentProgress {
  id: number;
  checkoutId: number;
  sequenceVersionId: number;
  abandonedAt: Date;
}

export interface Advance {
  shop: string;
  enrollment: EnrollmentProgress;
  afterPosition: number;
  now: Date;
}

/**
 * Schedules each enrollment's next enabled step after `afterPosition`, due its delay after the
 * abandonment (or now, if that moment has passed), or completes the enrollment after its last step.
 * Steps come from the version the enrollment started on, whatever was edited since; the versions are
 * read once for all, and the next runs scheduled in one statement.
 */
export async function advanceEnrollments(db: RawSql, advances: Advance[]): Promise<void> {
  if (advances.length === 0) return;
  const steps = await versionSchedules(db, advances.map(({ shop, enrollment }) => [shop, enrollment.sequenceVersionId] as const));
  const stepsOf = new Map<string, ScheduledStep[]>();
  for (const step of steps) {
    const key = shopKey(step.shop, step.sequenceVersionId);
    stepsOf.set(key, [...(stepsOf.get(key) ?? []), step]);
  }
  const scheduled: RunToSchedule[] = [];
  const completed: Advance[] = [];
  for (const advance of advances) {
    const { shop, enrollment, afterPosition, now } = advance;
    const next = stepsOf.get(shopKey(shop, enrollment.sequenceVersionId))?.find((step) => step.position > afterPosition && step.enabled);
    if (!next) {
      completed.push(advance);
      continue;
    }
    const dueAt = new Date(Math.max(enrollment.abandonedAt.getTime() + next.delayMinutes * 60_000, now.getTime()));
    scheduled.push({ shop, enrollmentId: enrollment.id, step: next, dueAt });
  }
  await scheduleStepRuns(db, scheduled);
  await completeAll(db, completed);
}

/**
 * Completes enrollments after their last step, one statement per shop. A shop's enrollments that end
 * together end at the latest of their moments, milliseconds apart, on their timelines too.
 */
async function completeAll(db: RawSql, completed: Advance[]): Promise<void> {
  const entries = [];
  for (const [shop, advances] of byShop(completed.map((advance) => [advance.shop, advance] as const))) {
    const at = new Date(Math.max(...advances.map(({ now }) => now.getTime())));
    const ended = new Set(await completeEnrollments(db, shop, advances.map(({ enrollment }) => enrollment.id), at));
    for (const { enrollment } of advances.filter(({ enrollment }) => ended.has(enrollment.id))) {
      entries.push({ shop, kind: "enrollment_completed" as const, enrollmentId: enrollment.id, checkoutId: enrollment.checkoutId, at });
    }
  }
  await recordActivities(db, entries);
}
