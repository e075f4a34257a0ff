import type { Db } from "~/db/client.server";
import { isUniqueViolation } from "~/db/unique-violation";

/** A worker's hold on one delivery. Every write after the claim is fenced by its lease id. */
export interface DeliveryClaim {
  id: number;
  shop: string;
  leaseId: string;
}

/** Why a delivery left the queue without being delivered, when erasure did it. */
const REDACTED = "redacted";

export interface NewDelivery {
  destinationId: number;
  messageId: string;
  event: string;
  stepRunId?: number;
  dedupeKey?: string;
  checkoutId: number | null;
  payload: string;
  /** The moment of enqueueing: the 24-hour retry window counts from it. */
  createdAt: Date;
  nextAttemptAt: Date;
}

/** Fails with a unique-constraint error (see isDuplicateDelivery) when the step run or dedupe key already has one. */
export function createDelivery(db: Db, shop: string, delivery: NewDelivery) {
  return db.webhookDelivery.create({ data: { shop, ...delivery } });
}

/** A delivery made and claimed at once, to be attempted right away by the one who made it. */
export async function createClaimedDelivery(db: Db, shop: string, delivery: NewDelivery, leaseId: string, leaseExpiresAt: Date): Promise<DeliveryClaim> {
  const created = await db.webhookDelivery.create({ data: { shop, ...delivery, status: "delivering", leaseOwner: leaseId, leaseExpiresAt }, select: { id: true } });
  return { id: created.id, shop, leaseId };
}

export function isDuplicateDelivery(error: unknown): boolean {
  return isUniqueViolation(error, "WebhookDelivery");
}

export function findDeliveryByStepRun(db: Db, shop: string, stepRunId: number) {
  return db.webhookDelivery.findFirst({ where: { shop, stepRunId } });
}

export function findDeliveryByDedupeKey(db: Db, shop: string, dedupeKey: string) {
  return db.webhookDelivery.findFirst({ where: { shop, dedupeKey } });
}

/** Due deliveries of every shop, oldest first: the worker's list, read through the (status, nextAttemptAt) index. */
export function dueDeliveries(db: Db, now: Date, limit: number) {
  return db.webhookDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, shop: true, destinationId: true },
  });
}

/**
 * Moves a due delivery to `delivering` under a lease. The update is conditional, so of several
 * workers racing for the same delivery exactly one gets count 1.
 */
export async function claimDelivery(db: Db, due: { id: number; shop: string }, leaseId: string, now: Date, leaseMs: number): Promise<DeliveryClaim | null> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: due.id, shop: due.shop, status: "pending", nextAttemptAt: { lte: now } },
    data: { status: "delivering", leaseOwner: leaseId, leaseExpiresAt: new Date(now.getTime() + leaseMs) },
  });
  return count === 1 ? { id: due.id, shop: due.shop, leaseId } : null;
}

/**
 * Deliveries whose worker died holding them go back in the queue. Unlike an email, a webhook may be
 * sent again: it carries the same webhook-id, by which receivers drop duplicates.
 */
export async function requeueExpiredLeases(db: Db, now: Date): Promise<number> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { status: "delivering", leaseExpiresAt: { lte: now } },
    data: { status: "pending", nextAttemptAt: now, leaseOwner: null, leaseExpiresAt: null },
  });
  return count;
}

export function claimedDelivery(db: Db, claim: DeliveryClaim) {
  return db.webhookDelivery.findFirst({ where: held(claim), include: { destination: true } });
}

const held = (claim: DeliveryClaim) => ({ id: claim.id, shop: claim.shop, status: "delivering", leaseOwner: claim.leaseId });
const released = { leaseOwner: null, leaseExpiresAt: null };

/** Puts the delivery back to wait, without counting an attempt (the destination is paused). */
export async function postponeDelivery(db: Db, claim: DeliveryClaim, until: Date, why: string): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({ where: held(claim), data: { status: "pending", nextAttemptAt: until, lastError: why, ...released } });
  return count === 1;
}

/** Ends the delivery on the dead-letter list without an attempt (expired, destination disabled). */
export async function abandonDelivery(db: Db, claim: DeliveryClaim, why: string, now: Date): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({ where: held(claim), data: { status: "dead", deadAt: now, lastError: why, ...released } });
  return count === 1;
}

export interface AttemptRecord {
  attemptedAt: Date;
  statusCode: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
}

export type AttemptConclusion =
  | { status: "delivered"; deliveredAt: Date }
  | { status: "pending"; nextAttemptAt: Date }
  | { status: "dead"; deadAt: Date };

/**
 * Logs the attempt and moves the delivery on, fenced by the claim: false, and nothing written, when
 * the lease was lost. Run it in a transaction so the log and the delivery cannot disagree.
 */
export async function concludeAttempt(db: Db, claim: DeliveryClaim, attempt: AttemptRecord, conclusion: AttemptConclusion): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({
    where: held(claim),
    data: { ...conclusion, attempts: { increment: 1 }, lastError: attempt.error, ...released },
  });
  if (count === 1) await db.webhookAttempt.create({ data: { deliveryId: claim.id, ...attempt } });
  return count === 1;
}

/**
 * When the delivery's current series of attempts began, for the 24-hour give-up: its creation, or,
 * once replayed from the dead-letter list, the first attempt after the replay (`now` when this is it).
 * A replay restarts the attempt count, so the series is the latest `attempts` entries of the log.
 */
export async function attemptSeriesStart(db: Db, delivery: { id: number; createdAt: Date; attempts: number }, now: Date): Promise<Date> {
  const logged = await db.webhookAttempt.count({ where: { deliveryId: delivery.id } });
  if (logged === delivery.attempts) return delivery.createdAt;
  if (delivery.attempts === 0) return now;
  const series = await db.webhookAttempt.findMany({
    where: { deliveryId: delivery.id },
    orderBy: [{ attemptedAt: "desc" }, { id: "desc" }],
    take: delivery.attempts,
    select: { attemptedAt: true },
  });
  return series.at(-1)?.attemptedAt ?? delivery.createdAt;
}

/** Back in the queue from the dead-letter list, under the same webhook-id; never one whose payload was erased. */
export async function replayDeadDelivery(db: Db, shop: string, id: number, now: Date): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { id, shop, status: "dead", OR: [{ lastError: null }, { lastError: { not: REDACTED } }] },
    data: { status: "pending", nextAttemptAt: now, attempts: 0, deadAt: null },
  });
  return count === 1;
}

/** The dead-letter list, newest first; test deliveries are the merchant's own experiments and stay off it. */
export function deadDeliveries(db: Db, shop: string, limit: number) {
  return db.webhookDelivery.findMany({
    where: { shop, status: "dead", event: { not: "test" } },
    orderBy: [{ deadAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { destination: { select: { id: true, name: true } } },
  });
}

export function findDeliveryWithAttempts(db: Db, shop: string, id: number) {
  return db.webhookDelivery.findFirst({
    where: { id, shop },
    include: { attemptLog: { orderBy: [{ attemptedAt: "asc" }, { id: "asc" }] }, destination: { select: { id: true, name: true } } },
  });
}

/**
 * Erases a shopper from the ledger: deliveries not yet made never will be, and every stored payload
 * and response body of their checkouts (which may echo the payload) is emptied.
 */
export async function eraseDeliveriesOfCheckouts(db: Db, shop: string, checkoutIds: number[], now: Date): Promise<number> {
  if (checkoutIds.length === 0) return 0;
  const theirs = { shop, checkoutId: { in: checkoutIds } };
  await db.webhookDelivery.updateMany({
    where: { ...theirs, status: { in: ["pending", "delivering"] } },
    data: { status: "dead", deadAt: now, ...released },
  });
  await db.webhookDelivery.updateMany({ where: { ...theirs, status: "dead" }, data: { lastError: REDACTED } });
  await db.webhookAttempt.updateMany({ where: { delivery: theirs }, data: { responseBody: null } });
  const { count } = await db.webhookDelivery.updateMany({ where: theirs, data: { payload: "{}" } });
  return count;
}

/** An uninstalled shop sends nothing more: its queued deliveries go to the dead-letter list, replayable after a reinstall. */
export async function abandonShopDeliveries(db: Db, shop: string, why: string, now: Date): Promise<number> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { shop, status: { in: ["pending", "delivering"] } },
    data: { status: "dead", deadAt: now, lastError: why, leaseOwner: null, leaseExpiresAt: null },
  });
  return count;
}

/** How many of the shop's deliveries (test sends aside) are in each status. */
export async function countDeliveriesByStatus(db: Db, shop: string): Promise<Record<string, number>> {
  const groups = await db.webhookDelivery.groupBy({ by: ["status"], where: { shop, event: { not: "test" } }, _count: { _all: true } });
  return Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
}
