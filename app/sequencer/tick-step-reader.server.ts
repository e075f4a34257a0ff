import type { Db } from "~/db/client.server";
import { findStepWithTemplate } from "~/models/sequence.server";

export type StepWithTemplate = NonNullable<Awaited<ReturnType<typeof findStepWithTemplate>>>;
export type StepReader = (shop: string, stepId: number) => Promise<StepWithTemplate | null>;

/** How long a read step (template, variants, destination) is reused: a marketer's edit shows within this. */
export const STEP_REUSE_MS = 10_000;

/** Reads each step fresh. */
export const freshStepReader = (db: Db): StepReader => (shop, stepId) => findStepWithTemplate(db, shop, stepId);

/**
 * Reads each step through `read` at most once every STEP_REUSE_MS: a tick sends many emails of the
 * same few steps, and the step with its template, variants and destination is the costliest read of a
 * send. The reader lives as long as one tick; a failed read is not kept.
 */
export function reusingStepReader(read: StepReader, now: () => number = performance.now.bind(performance)): StepReader {
  const reads = new Map<string, { at: number; step: Promise<StepWithTemplate | null> }>();
  return (shop, stepId) => {
    const key = `${shop}\n${stepId}`;
    const kept = reads.get(key);
    if (kept && now() - kept.at < STEP_REUSE_MS) return kept.step;
    const step = read(shop, stepId);
    reads.set(key, { at: now(), step });
    step.catch(() => reads.delete(key));
    return step;
  };
}
