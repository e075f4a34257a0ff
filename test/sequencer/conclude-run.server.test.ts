import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { concludeRuns } from "~/sequencer/conclude-run.server";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

// 11:15 on 20 November in New York.
const SENT_AT = new Date("2026-11-20T16:15:00Z");

async function sendingRun(lease: string) {
  const message = await createSentMessage({ checkout: { email: `${lease}@example.com` }, stepRun: { status: "sending", leaseOwner: lease, sentAt: null } });
  return {
    claim: { id: message.stepRun.id, shop: TEST_SHOP, leaseId: lease },
    run: { position: 1, checkoutId: message.checkout.id },
    enrollment: message.enrollment,
    now: SENT_AT,
  };
}

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("concluding runs together", () => {
  it("ends each run whose lease still holds, with its timeline entry, its enrollment's progress and one count per rollup row", async () => {
    const [first, second, lost] = [await sendingRun("w:1"), await sendingRun("w:2"), await sendingRun("w:3")];
    const sent = { status: "sent" as const, providerMessageId: "message", sentAt: SENT_AT };

    const concluded = await concludeRuns(db, [
      { ...first, conclusion: sent },
      { ...second, conclusion: { status: "failed", reason: "provider_rejected", error: "Bad address" } },
      { ...lost, claim: { ...lost.claim, leaseId: "w:someone-else" }, conclusion: sent },
    ]);

    expect(concluded).toEqual([true, true, false]);
    const runs = await db.stepRun.findMany({ orderBy: { id: "asc" }, select: { status: true, reason: true, leaseOwner: true } });
    expect(runs).toEqual([
      { status: "sent", reason: null, leaseOwner: null },
      { status: "failed", reason: "provider_rejected", leaseOwner: null },
      { status: "sending", reason: null, leaseOwner: "w:3" },
    ]);
    const entries = await db.activity.findMany({ orderBy: { id: "asc" }, select: { kind: true, enrollmentId: true } });
    expect(entries).toEqual([
      { kind: "step_sent", enrollmentId: first.enrollment.id },
      { kind: "step_failed", enrollmentId: second.enrollment.id },
      // Their one-step sequences are over.
      { kind: "enrollment_completed", enrollmentId: first.enrollment.id },
      { kind: "enrollment_completed", enrollmentId: second.enrollment.id },
    ]);
    expect(await db.enrollment.findUniqueOrThrow({ where: { id: lost.enrollment.id } })).toMatchObject({ status: "active" });
    const rollups = await db.dailyStat.findMany({ select: { day: true, position: true, emailed: true }, orderBy: { position: "asc" } });
    expect(rollups).toEqual([
      { day: "2026-11-20", position: 0, emailed: 1 },
      { day: "2026-11-20", position: 1, emailed: 1 },
    ]);
  });

  it("completes only the enrollments still running: one an order stopped meanwhile stays stopped", async () => {
    const [running, stopped] = [await sendingRun("w:1"), await sendingRun("w:2")];
    await db.enrollment.update({ where: { id: stopped.enrollment.id }, data: { status: "stopped", stopReason: "purchased", activeShopperKey: null } });
    const sent = { status: "sent" as const, providerMessageId: null, sentAt: SENT_AT };

    await concludeRuns(db, [{ ...running, conclusion: sent }, { ...stopped, conclusion: sent }]);

    const enrollments = await db.enrollment.findMany({ orderBy: { id: "asc" }, select: { status: true, stopReason: true, endedAt: true, activeShopperKey: true } });
    expect(enrollments).toEqual([
      { status: "completed", stopReason: null, endedAt: SENT_AT, activeShopperKey: null },
      { status: "stopped", stopReason: "purchased", endedAt: null, activeShopperKey: null },
    ]);
    expect(await db.activity.count({ where: { kind: "enrollment_completed" } })).toBe(1);
  });

  it("schedules each enrollment's next step from the version it started on", async () => {
    const run = await sendingRun("w:1");
    const version = await db.sequenceVersion.findUniqueOrThrow({ where: { id: run.enrollment.sequenceVersionId } });
    const laterStep = await db.step.create({ data: { sequenceVersionId: version.id, position: 2, delayMinutes: 24 * 60, channel: "email" } });
    await db.step.create({ data: { sequenceVersionId: version.id, position: 3, delayMinutes: 48 * 60, channel: "email", enabled: false } });

    await concludeRuns(db, [{ ...run, conclusion: { status: "sent", providerMessageId: null, sentAt: SENT_AT } }]);

    const next = await db.stepRun.findFirstOrThrow({ where: { status: "scheduled" } });
    expect(next).toMatchObject({ stepId: laterStep.id, position: 2, dueAt: new Date(run.enrollment.abandonedAt.getTime() + 24 * 3_600_000) });
    expect(await db.enrollment.findUniqueOrThrow({ where: { id: run.enrollment.id } })).toMatchObject({ status: "active" });
  });
});
