import { randomUUID } from "node:crypto";
import { findCheckout } from "~/models/checkout.server";
import { findEnrollment } from "~/models/enrollment.server";
import { latestActivityOfStepRun } from "~/models/latest-activity.server";
import { makeStepRunDueNow, scheduledRunOfEnrollment } from "~/models/scheduled-step-run.server";
import { claimStepRun } from "~/models/step-run.server";
import { executeStep } from "~/sequencer/execute-step.server";
import { LEASE_MS } from "~/sequencer/run-due-steps.server";
import type { Clock, SequencerServices } from "~/sequencer/sequencer-services";
import type { SendNowResult } from "./action-results";
import { untilIn } from "./timeline";

/**
 * Runs the enrollment's scheduled step at once, down the sequencer's own path: made due now, claimed
 * under a lease like any tick would, then executed with every send-time check (consent, suppression,
 * quiet hours, frequency cap…), so "now" can still end in a deferral or a skip, which the result
 * reports. Null when the shop has no such checkout.
 */
export async function sendNextStepNow(services: SequencerServices, shop: string, checkoutId: number, clock: Clock): Promise<SendNowResult | null> {
  const { db } = services;
  const checkout = await findCheckout(db, shop, checkoutId);
  if (!checkout) return null;
  const enrollment = checkout.enrollmentId ? await findEnrollment(db, shop, checkout.enrollmentId) : null;
  if (enrollment?.status !== "active") return { intent: "send_now", outcome: "not_running" };
  const run = await scheduledRunOfEnrollment(db, shop, enrollment.id);
  if (!run) return { intent: "send_now", outcome: "nothing_scheduled" };

  const now = clock();
  const busy = { intent: "send_now" as const, outcome: "busy" as const, step: run.position, reason: null, until: null };
  if (!(await makeStepRunDueNow(db, shop, run, now))) return busy;
  const claim = await claimStepRun(db, { id: run.id, shop }, `${services.workerId}:${randomUUID()}`, now, LEASE_MS);
  if (!claim) return busy;

  const outcome = await executeStep(services, claim, clock);
  const recorded = outcome === "lost" ? null : await latestActivityOfStepRun(db, shop, run.id);
  return { intent: "send_now", outcome, step: run.position, reason: recorded?.reason ?? null, until: (recorded && untilIn(recorded.detail)) ?? null };
}
