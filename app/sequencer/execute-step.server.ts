import { recordActivity } from "~/models/activity.server";
import { concludeStepRun, reschedule, type Claim } from "~/models/step-run.server";
import { stopEnrollment } from "~/recovery/stop-enrollment.server";
import { concludeRun } from "./conclude-run.server";
import { decideStep } from "./decide-step";
import { sendEmailStep } from "./email-step.server";
import type { Clock, SequencerServices } from "./sequencer-services";
import { loadStepContext } from "./step-context.server";
import { freshStepReader, type StepReader } from "./tick-step-reader.server";
import type { SendOutcome } from "./step-outcomes.server";
import { sendWebhookStep } from "./webhook-step.server";

export type StepOutcome = SendOutcome | "stopped" | "skipped" | "deferred";

/** Runs one claimed step: the send-time truth check, then stop, skip, defer, or send. */
export async function executeStep(services: SequencerServices, claim: Claim, clock: Clock, readStep: StepReader = freshStepReader(services.db)): Promise<StepOutcome> {
  const { db } = services;
  const now = clock();
  const context = await loadStepContext(db, claim, now, readStep);
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
      return context.step.channel === "webhook" ? sendWebhookStep(services, claim, context, clock) : sendEmailStep(services, claim, context, clock);
  }
}
