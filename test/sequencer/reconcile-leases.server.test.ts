import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { claimStepRun, markSendStarted } from "~/models/step-run.server";
import { ACCEPTANCE_WINDOW_MS, RECONCILE_GRACE_MS } from "~/sequencer/reconcile-leases.server";
import { LEASE_MS } from "~/sequencer/run-due-steps.server";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { SENDER, tickAt, useSequencer } from "../support/sequencer";

const world = useSequencer();
beforeEach(async () => {
  await createShop({ quietHoursStartMinute: null, quietHoursEndMinute: null });
});

const DUE = new Date("2026-11-20T16:15:00Z");
const after = (ms: number) => new Date(DUE.getTime() + ms);

/** A step run due at DUE, claimed by a worker that then died. */
async function claimedByDeadWorker() {
  const { stepRun } = await createSentMessage({ stepRun: { status: "scheduled", sentAt: null, attempts: 0, providerMessageId: null } });
  const claim = (await claimStepRun(db, stepRun, "dead-worker:1", DUE, LEASE_MS))!;
  return { stepRun, claim };
}

const run = (id: number) => db.stepRun.findUniqueOrThrow({ where: { id } });

describe("a worker that died holding a step run", () => {
  it("before calling SendGrid: the run waits out the lease, then is sent exactly once", async () => {
    const { stepRun } = await claimedByDeadWorker();

    await tickAt(world.services, after(LEASE_MS - 1_000));
    expect(world.sendgrid.messages).toHaveLength(0);

    const report = await tickAt(world.services, after(LEASE_MS));
    expect(report).toMatchObject({ reconciled: 1, sent: 1 });
    expect(world.sendgrid.messages).toHaveLength(1);
    expect(await run(stepRun.id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("mid-send, when SendGrid reports the message: it is marked sent and never sent again", async () => {
    const { stepRun, claim } = await claimedByDeadWorker();
    await markSendStarted(db, claim, { checkoutId: stepRun.checkoutId!, recipientHash: "hash", locale: "en", variantId: null }, DUE);
    await world.services.email.send({
      to: { email: "ann@example.com" },
      from: { email: SENDER },
      subject: "Your cart",
      html: "<p>Your cart</p>",
      text: "Your cart",
      unsubscribeUrl: "https://app.example/u/x",
      categories: [],
      customArgs: { shop: TEST_SHOP, step_run_id: String(stepRun.id) },
    });

    await tickAt(world.services, after(LEASE_MS));
    expect(await run(stepRun.id)).toMatchObject({ status: "sending" });

    await db.messageEvent.create({
      data: { shop: TEST_SHOP, providerEventId: "evt-processed", stepRunId: stepRun.id, event: "processed", occurredAt: after(1_000) },
    });
    // The reconciler renewed the lease when it first looked; it settles the run once that expires.
    await tickAt(world.services, after(2 * LEASE_MS + 1_000));

    expect(await run(stepRun.id)).toMatchObject({ status: "sent", sentAt: DUE });
    expect(world.sendgrid.messages).toHaveLength(1);
  });

  it("mid-send, with no sign from SendGrid: it fails as outcome unknown rather than risk a duplicate", async () => {
    const { stepRun, claim } = await claimedByDeadWorker();
    await markSendStarted(db, claim, { checkoutId: stepRun.checkoutId!, recipientHash: "hash", locale: "en", variantId: null }, DUE);

    await tickAt(world.services, after(LEASE_MS));
    await tickAt(world.services, after(RECONCILE_GRACE_MS));

    expect(await run(stepRun.id)).toMatchObject({ status: "failed", reason: "outcome_unknown" });
    expect(world.sendgrid.messages).toHaveLength(0);
    expect(await db.activity.findFirst({ where: { stepRunId: stepRun.id, kind: "step_failed" } })).toMatchObject({ reason: "outcome_unknown" });
  });

  it("mid-send, when SendGrid has since reported a later email but not this one: it is sent again, once", async () => {
    const { stepRun, claim } = await claimedByDeadWorker();
    await markSendStarted(db, claim, { checkoutId: stepRun.checkoutId!, recipientHash: "hash", locale: "en", variantId: null }, DUE);
    await db.messageEvent.create({ data: { shop: TEST_SHOP, providerEventId: "evt-later", stepRunId: null, event: "processed", occurredAt: after(ACCEPTANCE_WINDOW_MS + 5_000) } });

    const report = await tickAt(world.services, after(RECONCILE_GRACE_MS));
    await tickAt(world.services, after(RECONCILE_GRACE_MS + LEASE_MS));

    expect(report).toMatchObject({ reconciled: 1, sent: 1 });
    expect(world.sendgrid.messages).toHaveLength(1);
    expect(await run(stepRun.id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(await db.activity.findFirst({ where: { stepRunId: stepRun.id, kind: "step_retrying" } })).toMatchObject({ reason: "not_accepted" });
  });
});
