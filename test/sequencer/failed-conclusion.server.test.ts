import { setTimeout as sleep } from "node:timers/promises";
import { expect, it } from "vitest";
import { db } from "~/db/client.server";
import { RECONCILE_GRACE_MS } from "~/sequencer/reconcile-leases.server";
import { LEASE_MS } from "~/sequencer/run-due-steps.server";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { tickAt, useSequencer } from "../support/sequencer";

// Longer than the app's interactive transactions may wait or last (app/db/client.server.ts: 10 s).
const LOCK_HELD_MS = 12_000;
let holdStepRunsDuringSend = false;

/** Locks every step run in a transaction of another writer for `ms`; resolves once the locks are held. */
function lockStepRunsFor(ms: number): Promise<void> {
  return new Promise((locked) => {
    void db.$transaction(
      async (tx) => {
        await tx.stepRun.updateMany({ data: { updatedAt: new Date() } });
        locked();
        await sleep(ms);
      },
      { maxWait: ms, timeout: 2 * ms },
    );
  });
}

// While SendGrid takes the message, a busy database keeps the step run locked: the worker's conclusion
// times out after SendGrid has accepted the email.
const world = useSequencer({ onMessage: () => (holdStepRunsDuringSend ? lockStepRunsFor(LOCK_HELD_MS) : undefined) });

it("never sends again an email whose conclusion failed after SendGrid accepted it: the reconciler settles it", async () => {
  await createShop({ quietHoursStartMinute: null, quietHoursEndMinute: null });
  const { stepRun } = await createSentMessage({ stepRun: { status: "scheduled", sentAt: null, attempts: 0, providerMessageId: null } });
  holdStepRunsDuringSend = true;

  const report = await tickAt(world.services, stepRun.dueAt);
  holdStepRunsDuringSend = false;
  expect(report).toMatchObject({ sent: 0, retrying: 0, lost: 1 });
  expect(await db.stepRun.findUniqueOrThrow({ where: { id: stepRun.id } })).toMatchObject({ status: "sending" });

  await tickAt(world.services, new Date(stepRun.dueAt.getTime() + LEASE_MS + RECONCILE_GRACE_MS));

  expect(world.sendgrid.messages).toHaveLength(1);
  expect(await db.stepRun.findUniqueOrThrow({ where: { id: stepRun.id } })).toMatchObject({ status: "failed", reason: "outcome_unknown" });
}, 60_000);
