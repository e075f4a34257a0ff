import { randomUUID } from "node:crypto";
import { settleDiscounts } from "~/discounts/settle-discounts.server";
import { forEachConcurrently } from "~/lib/concurrently";
import { deliverDueWebhooks } from "~/outbound/deliver-due-webhooks.server";
import { pruneWebhookReceipts } from "~/webhooks/prune-receipts.server";
import { logger } from "~/lib/logger.server";
import { sqlDialect } from "~/db/client.server";
import { claimDueStepRuns } from "~/models/due-step-runs.server";
import { concludeStepRun, findStepRun, reschedule, type Claim } from "~/models/step-run.server";
import { enrollAbandonedCheckouts } from "./enroll-abandoned-checkouts.server";
import { executeStep, type BatchedStep, type StepOutcome } from "./execute-step.server";
import { sharedSendRecords, type SendRecords } from "./send-records.server";
import { reconcileExpiredLeases } from "./reconcile-leases.server";
import { retryDelayMs, retryGivesUp } from "./retry-policy";
import type { Clock, SequencerServices } from "./sequencer-services";
import { loadStepContexts } from "./step-context.server";
import { freshStepReader, reusingStepReader, type StepReader } from "./tick-step-reader.server";

const BATCH_SIZE = 100;
/**
 * Sends in flight per worker: provider latency, not the database, bounds a tick (a worker sends at
 * most CONCURRENCY emails per round trip to SendGrid), and the more sends finish together, the more
 * their marks and conclusions share statements.
 */
export const CONCURRENCY = 16;
export const LEASE_MS = 2 * 60_000;
/**
 * On PostgreSQL the next batch is claimed and read while the lanes take the current one, so that they
 * do not wait on its round trips (about 12 % more emails a second in alternating runs). SQLite's
 * driver blocks the event loop while it reads, so there the next batch waits for its turn.
 */
const PREFETCH = sqlDialect() === "postgresql";
/**
 * Runs claimed at a time, their contexts read together: the batch's reads cost about as much as a
 * few sends, so it is four runs per lane, or two when the next batch is claimed early. A claimed run
 * waits for a free lane while its lease runs: the last of a batch starts after three sends either way,
 * within LEASE_MS even if each took SendGrid's whole timeout, and the other workers are left the rest.
 */
const CLAIM_BATCH = CONCURRENCY * (PREFETCH ? 2 : 4);
/** Shopify's deliveries of a busy minute, a few times over: the backlog of a first run drains in hours. */
const RECEIPT_PRUNE_BATCH = 5_000;

export type TickReport = {
  abandoned: number;
  reconciled: number;
  discountsSettled: number;
  receiptsPruned: number;
  webhooks: { delivered: number; retrying: number; dead: number; paused: number };
} & Record<StepOutcome, number>;

/**
 * One sequencer tick: abandon and enroll due checkouts, settle runs left by dead workers, claim and
 * execute every step run due at `now` in bounded batches, then deliver due webhooks, settle discount
 * codes and forget old webhook receipts. Safe to run in several processes at
 * once: workers claim disjoint batches of runs, and every later write is fenced by the run's lease.
 */
export async function runDueSteps(now: Date, services: SequencerServices): Promise<TickReport> {
  const started = performance.now();
  const clock: Clock = () => new Date(now.getTime() + (performance.now() - started));
  const leaseId = () => `${services.workerId}:${randomUUID()}`;
  const report: TickReport = {
    abandoned: 0,
    reconciled: 0,
    discountsSettled: 0,
    receiptsPruned: 0,
    webhooks: { delivered: 0, retrying: 0, dead: 0, paused: 0 },
    sent: 0,
    retrying: 0,
    unconfirmed: 0,
    failed: 0,
    lost: 0,
    stopped: 0,
    skipped: 0,
    deferred: 0,
  };

  report.abandoned = await enrollAbandonedCheckouts(services.db, now, BATCH_SIZE);
  report.reconciled = await reconcileExpiredLeases(services, clock, leaseId, LEASE_MS, BATCH_SIZE);
  const readStep = reusingStepReader(freshStepReader(services.db));
  const records = sharedSendRecords(services.db);
  await forEachConcurrently(claimDueRuns(services, now, clock, readStep, records), CONCURRENCY, async ([claim, batched]) => {
    report[await executeSafely(services, claim, clock, batched)] += 1;
  });
  report.webhooks = await deliverDueWebhooks({ db: services.db, http: services.webhookHttp, clock, workerId: services.workerId, random: services.random });
  const discounts = await settleDiscounts({ db: services.db, adminFor: services.adminFor, clock, batchSize: BATCH_SIZE });
  report.discountsSettled = discounts.deactivated + discounts.expired;
  report.receiptsPruned = await pruneWebhookReceipts(services.db, now, RECEIPT_PRUNE_BATCH);
  return report;
}

/**
 * Claims the runs due at `now` a small batch at a time, until the due runs are gone or all claimed by
 * other workers (a short batch), and reads each batch's contexts together; the next batch early where
 * PREFETCH says. A batch whose read fails is handed on without them: each step then reads its own, and
 * fails on its own.
 */
async function* claimDueRuns(services: SequencerServices, now: Date, clock: Clock, readStep: StepReader, records: SendRecords): AsyncGenerator<[Claim, BatchedStep | undefined]> {
  const claimBatch = async () => {
    const leasePrefix = `${services.workerId}:${randomUUID()}:`;
    const batch = await claimDueStepRuns(services.db, { now, at: clock(), leaseMs: LEASE_MS, leasePrefix, limit: CLAIM_BATCH });
    const contexts = await loadStepContexts(services.db, batch, clock(), readStep).catch((error: unknown) => {
      logger.warn("Reading a batch of step contexts failed; each step reads its own", { runs: batch.length, error });
      return null;
    });
    return batch.map((claim, index): [Claim, BatchedStep | undefined] => [claim, contexts ? { context: contexts[index]!, records } : undefined]);
  };
  for (let next = claimBatch(); ; ) {
    const batch = await next;
    const more = batch.length === CLAIM_BATCH;
    if (more && PREFETCH) {
      next = claimBatch();
      // Awaited once this batch is handed out; a failure meanwhile must not count as unhandled.
      next.catch(() => undefined);
    }
    yield* batch;
    if (!more) return;
    if (!PREFETCH) next = claimBatch();
  }
}

/** A bug or a database hiccup in one step must not stop the tick, nor lose the step, nor send it twice. */
async function executeSafely(services: SequencerServices, claim: Claim, clock: Clock, batched: BatchedStep | undefined): Promise<StepOutcome> {
  try {
    return await executeStep(services, claim, clock, batched);
  } catch (error) {
    logger.error("Step run failed unexpectedly", { shop: claim.shop, stepRunId: claim.id, error });
    const run = await findStepRun(services.db, claim.shop, claim.id);
    // Past markSendStarted the provider may have the message (a conclusion that failed after SendGrid
    // accepted it): trying again could email twice. As after a crash mid-send, the run keeps its lease
    // and is settled by reconcileExpiredLeases once the lease runs out.
    if (run?.sendStartedAt) return "lost";
    const now = clock();
    const retryAt = new Date(now.getTime() + retryDelayMs((run?.attempts ?? 0) + 1, undefined, services.random));
    if (run && !retryGivesUp(run.scheduledAt, retryAt)) {
      await reschedule(services.db, claim, retryAt, "internal error");
      return "retrying";
    }
    await concludeStepRun(services.db, claim, { status: "failed", reason: "internal_error" });
    return "failed";
  }
}
