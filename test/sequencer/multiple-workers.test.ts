import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { RECONCILE_GRACE_MS } from "~/sequencer/reconcile-leases.server";
import { CONCURRENCY, LEASE_MS, type TickReport } from "~/sequencer/run-due-steps.server";
import { startSendgridServer, type ReceivedMessage, type SendgridServer } from "../doubles/sendgrid-server";
import { createDueEmails } from "../factories/due-emails";
import { createShop } from "../factories/shop";
import { startSequencerWorker, type SequencerWorker } from "../support/sequencer-worker";

const SHOPPERS = 1_000;
const WORKERS = 4;
// The emails fell due a minute before; the shop keeps no quiet hours.
const NOW = new Date("2026-11-23T12:00:00Z");
/** The victim is killed mid-batch once this many messages have arrived from all workers. */
const KILL_AFTER_MESSAGES = SHOPPERS / 4;
/** SendGrid answers this late, so a worker spends much of a step waiting on it, as in production. */
const SENDGRID_LATENCY_MS = 25;

const workers: SequencerWorker[] = [];
let sendgrid: SendgridServer | undefined;

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await sendgrid?.close();
});

const stepRunIdOf = (message: ReceivedMessage) => Number(message.body.custom_args?.step_run_id);

/**
 * Whether the message is the worker's and the worker holds runs it has not started: killed now, it
 * dies mid-send and mid-batch. Two unstarted runs, so that one starting in the instant before the kill
 * still leaves one.
 */
async function isMidBatch(worker: SequencerWorker, message: ReceivedMessage): Promise<boolean> {
  const held = await db.stepRun.findMany({
    where: { status: "sending", leaseOwner: { startsWith: `${worker.workerId}:` } },
    select: { id: true, sendStartedAt: true },
  });
  return held.some((run) => run.id === stepRunIdOf(message)) && held.filter((run) => run.sendStartedAt === null).length >= 2;
}

/**
 * The step runs still under a lease after the first ticks: the victim's, told apart by whether it may
 * have called SendGrid, and any a survivor left to the reconciler because its database failed after
 * it marked the send (a transaction timing out on a busy machine).
 */
async function leasesHeldAfter(victim: SequencerWorker) {
  const held = await db.stepRun.findMany({ where: { status: "sending" }, select: { id: true, leaseOwner: true, sendStartedAt: true } });
  const victims = held.filter((run) => run.leaseOwner?.startsWith(`${victim.workerId}:`));
  return {
    victimSending: victims.filter((run) => run.sendStartedAt !== null).map((run) => run.id),
    victimNotStarted: victims.filter((run) => run.sendStartedAt === null).map((run) => run.id),
    leftBySurvivors: held.filter((run) => !victims.includes(run)),
  };
}

function timesReceived(messages: ReceivedMessage[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const id of messages.map(stepRunIdOf)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

const total = (reports: TickReport[], outcome: "sent" | "reconciled" | "lost") => reports.reduce((sum, report) => sum + report[outcome], 0);
const byNumber = (a: number, b: number) => a - b;

it("sends a thousand due emails once each from four worker processes, one killed mid-batch, and loses none", async () => {
  let received = 0;
  let victimKilled: Promise<void> | undefined;
  sendgrid = await startSendgridServer({
    // The victim is killed while SendGrid holds one of its messages.
    onMessage: async (message) => {
      received += 1;
      if (!victimKilled && received >= KILL_AFTER_MESSAGES && (await isMidBatch(victim, message))) victimKilled ??= victim.kill();
      await sleep(SENDGRID_LATENCY_MS);
    },
  });
  const env = { ...process.env, SENDGRID_API_KEY: sendgrid.apiKey, SENDGRID_API_URL: sendgrid.apiUrl, EMAIL_FROM_ADDRESS: "hello@test-shop.example" };
  const [started, stepRunIds] = await Promise.all([
    Promise.all(Array.from({ length: WORKERS }, () => startSequencerWorker(env))),
    createShop({ quietHoursStartMinute: null, quietHoursEndMinute: null }).then(() => createDueEmails(SHOPPERS, new Date(NOW.getTime() - 60_000))),
  ]);
  workers.push(...started);
  const [victim, ...survivors] = started as [SequencerWorker, ...SequencerWorker[]];

  const ticking = performance.now();
  const [victimTick, ...survivorTicks] = started.map((worker) => worker.tick(NOW));
  await expect(victimTick).rejects.toThrow("SIGKILL");
  const firstReports = await Promise.all(survivorTicks);
  const held = await leasesHeldAfter(victim);
  // A tick's clock runs on from `now` in real time, and so did the leases and send marks it wrote. Past
  // them all and the time SendGrid has to report a send, the survivors settle what was left.
  const settlingAt = new Date(NOW.getTime() + (performance.now() - ticking) + LEASE_MS + RECONCILE_GRACE_MS);
  const secondReports = await Promise.all(survivors.map((worker) => worker.tick(settlingAt)));

  const counts = timesReceived(sendgrid.messages);
  const runs = await db.stepRun.findMany({ where: { id: { in: stepRunIds } }, select: { id: true, status: true, reason: true } });
  const sent = runs.filter((run) => run.status === "sent").map((run) => run.id);
  const notSent = runs.filter((run) => run.status !== "sent");

  // Nothing was sent twice, and nothing was lost.
  expect([...counts].filter(([, times]) => times > 1)).toEqual([]);
  expect(runs.filter((run) => run.status === "scheduled" || run.status === "sending")).toEqual([]);
  expect(sent.filter((id) => counts.get(id) !== 1)).toEqual([]);
  // The victim died mid-batch: sending some runs and holding others it had not started.
  expect(held.victimSending.length).toBeGreaterThan(0);
  expect(held.victimSending.length).toBeLessThanOrEqual(CONCURRENCY);
  expect(held.victimNotStarted.length).toBeGreaterThan(0);
  // What it had not started went out once; what it was sending is never sent again, whether or not it arrived.
  expect(held.victimNotStarted.filter((id) => !sent.includes(id))).toEqual([]);
  const sendsLeftToReconcile = [...held.victimSending, ...held.leftBySurvivors.map((run) => run.id)];
  expect(notSent.map((run) => run.id).sort(byNumber)).toEqual(sendsLeftToReconcile.sort(byNumber));
  expect(notSent.every((run) => run.status === "failed" && run.reason === "outcome_unknown")).toBe(true);
  // A survivor leaves a run behind only after marking its send, and says so.
  expect(held.leftBySurvivors.every((run) => run.sendStartedAt !== null)).toBe(true);
  expect(total(firstReports, "lost")).toBe(held.leftBySurvivors.length);
  expect(total(secondReports, "lost")).toBe(0);
  expect(total(secondReports, "reconciled")).toBe(held.victimNotStarted.length + sendsLeftToReconcile.length);
  // Every worker had a share: the victim's own sends make up what the survivors did not send.
  expect(firstReports.map((report) => report.sent > 0)).toEqual(survivors.map(() => true));
  expect(sent.length - total([...firstReports, ...secondReports], "sent")).toBeGreaterThan(0);
  // Mostly CPU: about 65 CPU-seconds, so some 95 s on a two-core machine busy with other work.
}, 240_000);
