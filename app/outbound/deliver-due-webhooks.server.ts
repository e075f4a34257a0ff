import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { forEachConcurrently } from "~/lib/concurrently";
import { logger } from "~/lib/logger.server";
import {
  abandonDelivery,
  attemptSeriesStart,
  claimDelivery,
  claimedDelivery,
  concludeAttempt,
  dueDeliveries,
  postponeDelivery,
  requeueExpiredLeases,
  type AttemptConclusion,
  type DeliveryClaim,
} from "~/models/webhook-delivery.server";
import { MAX_RETRY_AGE_MS, retryDelayMs, retryGivesUp } from "~/sequencer/retry-policy";
import { attemptDelivery } from "./attempt-delivery.server";
import type { Verdict } from "./delivery-verdict";
import { passBreaker, reportToBreaker } from "./destination-breaker.server";
import type { OutboundHttp } from "./outbound-http";

export interface WebhookWorker {
  db: PrismaClient;
  http: OutboundHttp;
  clock: () => Date;
  /** Names this process in leases. */
  workerId: string;
  random?: () => number;
  batchSize?: number;
}

export type DeliveryReport = { delivered: number; retrying: number; dead: number; paused: number };
type Outcome = keyof DeliveryReport;

/** Far longer than an attempt can take (its 5 s timeout), so a live worker never loses its lease. */
export const DELIVERY_LEASE_MS = 60_000;
/** Destinations served at once; one destination's deliveries go one after another. */
const CONCURRENCY = 8;
const BATCH_SIZE = 100;

/**
 * Sends every delivery due now. Safe in several processes at once: each delivery is claimed by one
 * conditional update and every later write is fenced by the claim. A destination's deliveries are
 * sent in order, one at a time, so a failing endpoint trips its breaker after exactly N failures
 * rather than after a burst, and a working one is not hit by a burst either.
 */
export async function deliverDueWebhooks({ db, http, clock, workerId, random = Math.random, batchSize = BATCH_SIZE }: WebhookWorker): Promise<DeliveryReport> {
  const report: DeliveryReport = { delivered: 0, retrying: 0, dead: 0, paused: 0 };
  const now = clock();
  await requeueExpiredLeases(db, now);
  for (;;) {
    const due = await dueDeliveries(db, now, batchSize);
    await forEachConcurrently(groupByDestination(due), CONCURRENCY, async (deliveries) => {
      for (const delivery of deliveries) {
        const claim = await claimDelivery(db, delivery, `${workerId}:${randomUUID()}`, clock(), DELIVERY_LEASE_MS);
        const outcome = claim && (await deliverSafely({ db, http, clock, random }, claim));
        if (outcome) report[outcome] += 1;
      }
    });
    if (due.length < batchSize) return report;
  }
}

function groupByDestination<T extends { destinationId: number }>(due: T[]): T[][] {
  const groups = new Map<number, T[]>();
  for (const delivery of due) groups.set(delivery.destinationId, [...(groups.get(delivery.destinationId) ?? []), delivery]);
  return [...groups.values()];
}

type Deps = Pick<WebhookWorker, "db" | "http" | "clock"> & { random: () => number };

/** A bug or a database hiccup with one delivery must not stop the others, nor lose it: its lease runs out and it is requeued. */
async function deliverSafely(deps: Deps, claim: DeliveryClaim): Promise<Outcome | null> {
  try {
    return await deliver(deps, claim);
  } catch (error) {
    logger.error("Webhook delivery failed unexpectedly", { shop: claim.shop, deliveryId: claim.id, error });
    return null;
  }
}

/** One claimed delivery: null when the claim was lost to another worker. */
async function deliver({ db, http, clock, random }: Deps, claim: DeliveryClaim): Promise<Outcome | null> {
  const delivery = await claimedDelivery(db, claim);
  if (!delivery) return null;
  const { destination } = delivery;
  const now = clock();
  if (!destination.enabled) return (await abandonDelivery(db, claim, "The destination is disabled", now)) ? "dead" : null;
  const seriesStart = await attemptSeriesStart(db, delivery, now);
  if (now.getTime() - seriesStart.getTime() > MAX_RETRY_AGE_MS) {
    // A reminder a day late is worse than none: the breaker kept it waiting too long.
    return (await abandonDelivery(db, claim, "Not delivered within 24 hours", now)) ? "dead" : null;
  }

  const gate = await passBreaker(db, claim.shop, destination.id, now);
  if (!gate.go) {
    const why = `Waiting: the destination is paused until ${gate.until.toISOString()} after ${gate.consecutiveFailures} consecutive failed attempts`;
    return (await postponeDelivery(db, claim, gate.until, why)) ? "paused" : null;
  }

  const { attempt, verdict } = await attemptDelivery(http, delivery, destination, clock());
  const finished = clock();
  const breakerNote = await reportToBreaker(db, claim.shop, destination.id, { delivered: verdict.kind === "delivered", probe: gate.probe }, finished);
  const logged = { ...attempt, error: [attempt.error, breakerNote].filter(Boolean).join(" | ") || null };

  const next = conclusionOf(verdict, { attempt: delivery.attempts + 1, seriesStart, finished, random });
  if (next.gaveUp) logged.error = `Gave up after 24 hours: ${logged.error}`;
  const concluded = await db.$transaction((tx) => concludeAttempt(tx, claim, logged, next.conclusion));
  return concluded ? next.outcome : null;
}

interface Next {
  conclusion: AttemptConclusion;
  outcome: Outcome;
  gaveUp: boolean;
}

/** Delivered; dead at once for a permanent failure; otherwise retried with backoff until 24 hours have passed. */
function conclusionOf(verdict: Verdict, { attempt, seriesStart, finished, random }: { attempt: number; seriesStart: Date; finished: Date; random: () => number }): Next {
  if (verdict.kind === "delivered") return { conclusion: { status: "delivered", deliveredAt: finished }, outcome: "delivered", gaveUp: false };
  const dead = { conclusion: { status: "dead", deadAt: finished }, outcome: "dead" } as const;
  if (verdict.kind === "fail") return { ...dead, gaveUp: false };
  const retryAt = new Date(finished.getTime() + retryDelayMs(attempt, verdict.retryAfterMs, random));
  if (retryGivesUp(seriesStart, retryAt)) return { ...dead, gaveUp: true };
  return { conclusion: { status: "pending", nextAttemptAt: retryAt }, outcome: "retrying", gaveUp: false };
}
