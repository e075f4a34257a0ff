import { recordActivity } from "~/models/activity.server";
import { concludeStepRun, reschedule, type Claim } from "~/models/step-run.server";
import { stopEnrollment } from "~/recovery/stop-enrollment.server";
import { concludeRun } from "./conclude-run.server";
import { decideStep } from "./decide-step";
import { sendRecordsAlone, type SendRecords } from "./send-records.server";
import { sendEmailStep } from "./email-step.server";
import type { Clock, SequencerServices } from "./sequencer-services";
import { loadStepContext, type StepContext } from "./step-context.server";
import { freshStepReader } from "./tick-step-reader.server";
import type { SendOutcome } from "./step-outcomes.server";
import { sendWebhookStep } from "./webhook-step.server";

export type StepOutcome = SendOutcome | "stopped" | "skipped" | "deferred";

/** What a tick hands each step of a batch: its context, read with the batch's, and the tick's shared send records. */
export interface BatchedStep {
  /** Null when the run's data is gone. */
  context: StepContext | null;
  records: SendRecords;
}

/**
 * Runs one claimed step: the send-time truth check, then stop, skip, defer, or send. Alone (a
 * merchant's "send now"), it reads its own context and concludes in its own transaction.
 */
export async function executeStep(services: SequencerServices, claim: Claim, clock: Clock, batched?: BatchedStep): Promise<StepOutcome> {
  const { db } = services;
  const now = clock();
  const context = batched ? batched.context : await loadStepContext(db, claim, now, freshStepReader(db));
  const records = batched?.records ?? sendRecordsAlone(db);
  if (!context) {
    // The shop's data was deleted (shop/redact) while the run waited.
    await concludeStepRun(db, claim, { status: "failed", reason: "data_deleted" });
    return "failed";
  }
  const { run, enrollment, shop, checkout } = context;
  const decision = decideStep(context.situation);
  const where = { position: run.position, checkoutId: checkout.id };

  switch (decision.kind) {
    case "stop": {
      const stopped = await db.$transaction(async (tx) => {
        await stopEnrollment(tx, shop.domain, enrollment, decision.reason, now);
        return concludeRun(tx, claim, where, enrollment, { status: "skipped", reason: decision.reason }, now, { advance: false });
      });
      return stopped ? "stopped" : "lost";
    }
    case "skip": {
      const skipped = await db.$transaction((tx) => concludeRun(tx, claim, where, enrollment, { status: "skipped", reason: decision.reason }, now));
      return skipped ? "skipped" : "lost";
    }
    case "defer": {
      if (!(await reschedule(db, claim, decision.until))) return "lost";
      await recordActivity(db, shop.domain, {
        kind: "step_deferred",
        reason: decision.reason,
        stepRunId: run.id,
        enrollmentId: enrollment.id,
        checkoutId: checkout.id,
        at: now,
        detail: { step: run.position, until: decision.until.toISOString() },
      });
      return "deferred";
    }
    case "send":
      return context.step.channel === "webhook" ? sendWebhookStep(services, claim, context, clock) : sendEmailStep(services, claim, context, clock, records);
  }
}
