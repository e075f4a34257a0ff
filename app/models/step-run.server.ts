import type { StepRun } from "@prisma/client";
import { dateTimeValue, sql, type Db } from "~/db/client.server";
import type { RawSql } from "~/db/direct-transaction.server";
import { eachShopsOwn } from "./by-shop.server";

/** A worker's hold on one step run. Every write after the claim is fenced by its lease id. */
export interface Claim {
  id: number;
  shop: string;
  leaseId: string;
}

export interface StepToSchedule {
  id: number;
  position: number;
  channel: string;
}

export interface RunToSchedule {
  shop: string;
  enrollmentId: number;
  step: StepToSchedule;
  dueAt: Date;
}

/**
 * Schedules enrollments' next steps, of any shops, in one statement. Raw SQL: a busy tick schedules
 * a run for nearly every email it sends.
 */
export async function scheduleStepRuns(db: RawSql, runs: RunToSchedule[], now = new Date()): Promise<void> {
  if (runs.length === 0) return;
  const rows = runs.map(
    ({ shop, enrollmentId, step, dueAt }) => sql.sql`(${sql.join([shop, enrollmentId, step.id, step.position, step.channel, "scheduled", dueAt, dueAt, 0, now, now])})`,
  );
  await db.$executeRaw`
    INSERT INTO "StepRun" ("shop", "enrollmentId", "stepId", "position", "channel", "status", "dueAt", "scheduledAt", "attempts", "createdAt", "updatedAt")
    VALUES ${sql.join(rows)}`;
}

/**
 * Moves one due step run to `sending` under a lease, for a merchant's "send now" (ticks claim theirs
 * in batches: due-step-runs.server.ts). The update is conditional, so of several workers (or
 * processes) racing for the same run exactly one gets count 1.
 */
export async function claimStepRun(db: Db, run: { id: number; shop: string }, leaseId: string, now: Date, leaseMs: number): Promise<Claim | null> {
  const { count } = await db.stepRun.updateMany({
    where: { id: run.id, shop: run.shop, status: "scheduled", dueAt: { lte: now } },
    data: { status: "sending", leaseOwner: leaseId, leaseExpiresAt: new Date(now.getTime() + leaseMs) },
  });
  return count === 1 ? { id: run.id, shop: run.shop, leaseId } : null;
}

// The lease fence, for the writes made through Prisma.
const held = (claim: Claim) => ({ id: claim.id, shop: claim.shop, status: "sending", leaseOwner: claim.leaseId });
const released = { leaseOwner: null, leaseExpiresAt: null };

export interface SendAttempt {
  checkoutId: number;
  /** The email address's hash, for the frequency cap; null for webhook steps. */
  recipientHash: string | null;
  locale: string | null;
  variantId: number | null;
}

/**
 * Written right before the provider is called, and only while the enrollment still runs: an order
 * webhook that stopped it a moment ago wins. False when the lease was lost or the enrollment ended.
 */
export async function markSendStarted(db: RawSql, claim: Claim, attempt: SendAttempt, now: Date): Promise<boolean> {
  const [marked] = await markSendsStarted(db, [{ claim, attempt }], now);
  return marked!;
}

/**
 * The same for several sends about to start together, of any shops, in one statement: each answer
 * says whether that run was marked. Raw SQL, as is the runs' conclusion: both fence every send, and
 * Prisma compiled each slower than the database ran it. The values are cast in the VALUES list, where
 * PostgreSQL would otherwise take them for text.
 */
export async function markSendsStarted(db: RawSql, sends: Array<{ claim: Claim; attempt: SendAttempt }>, now: Date): Promise<boolean[]> {
  const rows = sends.map(
    ({ claim, attempt }) =>
      sql.sql`(CAST(${claim.id} AS INTEGER), CAST(${claim.shop} AS TEXT), CAST(${claim.leaseId} AS TEXT), CAST(${attempt.checkoutId} AS INTEGER),
        CAST(${attempt.recipientHash} AS TEXT), CAST(${attempt.locale} AS TEXT), CAST(${attempt.variantId} AS INTEGER))`,
  );
  const marked = await db.$queryRaw<{ id: number }[]>`
    UPDATE "StepRun"
    SET "checkoutId" = "send"."column4", "recipientHash" = "send"."column5", "locale" = "send"."column6", "variantId" = "send"."column7",
        "sendStartedAt" = ${now}, "attempts" = "attempts" + 1, "updatedAt" = ${new Date()}
    FROM (VALUES ${sql.join(rows)}) AS "send"
    WHERE "StepRun"."id" = "send"."column1" AND "StepRun"."shop" = "send"."column2" AND "StepRun"."leaseOwner" = "send"."column3"
      AND "StepRun"."status" = 'sending'
      AND EXISTS (SELECT 1 FROM "Enrollment" WHERE "Enrollment"."id" = "StepRun"."enrollmentId" AND "Enrollment"."status" = 'active')
    RETURNING "StepRun"."id"`;
  const ids = new Set(marked.map((run) => Number(run.id)));
  return sends.map(({ claim }) => ids.has(claim.id));
}

export type RunConclusion =
  | { status: "sent"; providerMessageId: string | null; sentAt: Date }
  | { status: "failed"; reason: string; error?: string | null }
  | { status: "skipped"; reason: string };

/** A concluded run as its daily counts see it, with its shop's timezone. */
export type ConcludedRun = Pick<StepRun, "channel" | "status" | "sentAt" | "position" | "variantId" | "deliveredAt" | "firstOpenedAt" | "firstClickedAt"> & {
  timezone: string;
};

/**
 * Gives the run its final status, and answers what the daily counts need of it (SendGrid's events
 * may have reached it before the conclusion); null when the lease was lost and the run is someone
 * else's now.
 */
export async function concludeStepRun(db: RawSql, claim: Claim, conclusion: RunConclusion): Promise<ConcludedRun | null> {
  const [concluded] = await concludeStepRuns(db, [{ claim, conclusion }]);
  return concluded!;
}

/**
 * The same for runs of any shops, in one statement: a sending tick concludes most of its emails in
 * groups. A sent run keeps the reason it had, any other its provider message id and send time.
 */
export async function concludeStepRuns(db: RawSql, runs: Array<{ claim: Claim; conclusion: RunConclusion }>): Promise<Array<ConcludedRun | null>> {
  if (runs.length === 0) return [];
  const rows = runs.map(({ claim, conclusion }) => {
    const sent = conclusion.status === "sent" ? conclusion : null;
    const [reason, error] = conclusion.status === "sent" ? [null, null] : [conclusion.reason, "error" in conclusion ? (conclusion.error ?? null) : null];
    return sql.sql`(CAST(${claim.id} AS INTEGER), CAST(${claim.shop} AS TEXT), CAST(${claim.leaseId} AS TEXT), CAST(${conclusion.status} AS TEXT),
      CAST(${sent?.providerMessageId ?? null} AS TEXT), ${dateTimeValue(sent?.sentAt ?? null)}, CAST(${reason} AS TEXT), CAST(${error} AS TEXT))`;
  });
  const concluded = await db.$queryRaw<Array<ConcludedRun & { id: number }>>`
    UPDATE "StepRun"
    SET "status" = "run"."column4",
        "providerMessageId" = CASE WHEN "run"."column4" = 'sent' THEN "run"."column5" ELSE "StepRun"."providerMessageId" END,
        "sentAt" = CASE WHEN "run"."column4" = 'sent' THEN "run"."column6" ELSE "StepRun"."sentAt" END,
        "reason" = CASE WHEN "run"."column4" = 'sent' THEN "StepRun"."reason" ELSE "run"."column7" END,
        "error" = "run"."column8", "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "updatedAt" = ${new Date()}
    FROM (VALUES ${sql.join(rows)}) AS "run"
    WHERE "StepRun"."id" = "run"."column1" AND "StepRun"."shop" = "run"."column2" AND "StepRun"."status" = 'sending'
      AND "StepRun"."leaseOwner" = "run"."column3"
    RETURNING "StepRun"."id", "StepRun"."channel", "StepRun"."status", "StepRun"."sentAt", "StepRun"."position", "StepRun"."variantId",
      "StepRun"."deliveredAt", "StepRun"."firstOpenedAt", "StepRun"."firstClickedAt",
      (SELECT "timezone" FROM "Shop" WHERE "Shop"."domain" = "StepRun"."shop") AS "timezone"`;
  const byId = new Map(concluded.map(({ id, ...run }) => [Number(id), run]));
  return runs.map(({ claim }) => byId.get(claim.id) ?? null);
}

/** Puts the run back in the queue for later: a deferral, or a retry after a provider failure. */
export async function reschedule(db: Db, claim: Claim, dueAt: Date, error: string | null = null): Promise<boolean> {
  const { count } = await db.stepRun.updateMany({ where: held(claim), data: { status: "scheduled", dueAt, sendStartedAt: null, error, ...released } });
  return count === 1;
}

/**
 * A send the provider may have taken without saying so: the run stays `sending` with its send time,
 * as after a crash mid-send, and its lease ends now so that the next tick's reconciliation settles it.
 */
export async function awaitProviderConfirmation(db: Db, claim: Claim, now: Date, error: string): Promise<boolean> {
  const { count } = await db.stepRun.updateMany({ where: held(claim), data: { leaseExpiresAt: now, error } });
  return count === 1;
}

/** Runs whose worker stopped (crashed, killed) or whose send is unconfirmed: their lease ran out. */
export function expiredLeases(db: Db, now: Date, limit: number) {
  return db.stepRun.findMany({
    where: { status: "sending", leaseExpiresAt: { lte: now } },
    orderBy: { leaseExpiresAt: "asc" },
    take: limit,
    select: { id: true, shop: true, dueAt: true, leaseOwner: true, leaseExpiresAt: true, sendStartedAt: true, channel: true },
  });
}

/** Takes over an expired lease; fenced on the old lease id so two reconcilers cannot both win. */
export async function takeOverLease(db: Db, run: { id: number; shop: string; leaseOwner: string | null }, leaseId: string, now: Date, leaseMs: number): Promise<Claim | null> {
  const { count } = await db.stepRun.updateMany({
    where: { id: run.id, shop: run.shop, status: "sending", leaseOwner: run.leaseOwner, leaseExpiresAt: { lte: now } },
    data: { leaseOwner: leaseId, leaseExpiresAt: new Date(now.getTime() + leaseMs) },
  });
  return count === 1 ? { id: run.id, shop: run.shop, leaseId } : null;
}

export function findStepRun(db: Db, shop: string, stepRunId: number) {
  return db.stepRun.findFirst({ where: { id: stepRunId, shop } });
}

/** Step runs of several shops in one read, each found only under its own shop. */
export async function findStepRuns(db: Db, runs: Iterable<readonly [shop: string, id: number]>): Promise<StepRun[]> {
  const own = eachShopsOwn(runs, (shop, ids) => sql.sql`SELECT * FROM "StepRun" WHERE "shop" = ${shop} AND "id" IN (${sql.join(ids)})`);
  return own ? db.$queryRaw<StepRun[]>(own) : [];
}

/**
 * The emails each shop sent to these addresses (by hash) since its `since`, for the frequency cap:
 * one range of the (shop, recipientHash, sentAt) index per address, joined with UNION ALL. Given the
 * same ranges as one OR, SQLite reads every sent run through the status index instead (400 ms a
 * batch over 200,000 checkouts).
 */
export async function emailsSentTo(db: Db, recipients: Array<{ shop: string; recipientHash: string; since: Date }>) {
  if (recipients.length === 0) return [];
  const ranges = recipients.map(
    ({ shop, recipientHash, since }) => sql.sql`
      SELECT "shop", "recipientHash", "sentAt" FROM "StepRun"
      WHERE "shop" = ${shop} AND "recipientHash" = ${recipientHash} AND "sentAt" >= ${since} AND "channel" = 'email' AND "status" = 'sent'`,
  );
  return db.$queryRaw<Array<{ shop: string; recipientHash: string; sentAt: Date }>>(sql.join(ranges, " UNION ALL "));
}

/** The messages sent so far in these enrollments, for "skip if an earlier message was clicked". */
export async function sentRunsOfEnrollments(db: Db, enrollments: Iterable<readonly [shop: string, enrollmentId: number]>) {
  const own = eachShopsOwn(
    enrollments,
    (shop, ids) => sql.sql`
      SELECT "shop", "enrollmentId", "position", "firstClickedAt" FROM "StepRun"
      WHERE "shop" = ${shop} AND "enrollmentId" IN (${sql.join(ids)}) AND "status" = 'sent'`,
  );
  return own ? db.$queryRaw<Array<{ shop: string; enrollmentId: number; position: number; firstClickedAt: Date | null }>>(own) : [];
}

/** Whether a send interrupted by a crash had reached its channel: SendGrid reported an event, or a delivery was queued. */
export async function sendReachedChannel(db: Db, shop: string, stepRunId: number): Promise<boolean> {
  const [events, deliveries] = await Promise.all([
    db.messageEvent.count({ where: { shop, stepRunId } }),
    db.webhookDelivery.count({ where: { shop, stepRunId } }),
  ]);
  return events + deliveries > 0;
}

/** Scheduled runs of an enrollment that ended are never sent. */
export async function cancelScheduledRuns(db: Db, shop: string, enrollmentId: number, reason: string): Promise<void> {
  await db.stepRun.updateMany({ where: { shop, enrollmentId, status: "scheduled" }, data: { status: "skipped", reason } });
}

/** The enrollment's message clicked most recently within the window, for click attribution. */
export function lastClickedRun(db: Db, shop: string, enrollmentId: number, window: { from: Date; to: Date }) {
  return db.stepRun.findFirst({
    where: { shop, enrollmentId, lastClickedAt: { gte: window.from, lte: window.to } },
    orderBy: { lastClickedAt: "desc" },
    select: { id: true },
  });
}

export function lastSentRun(db: Db, shop: string, enrollmentId: number, window: { from: Date; to: Date }) {
  return db.stepRun.findFirst({
    where: { shop, enrollmentId, status: "sent", sentAt: { gte: window.from, lte: window.to } },
    orderBy: { sentAt: "desc" },
    select: { id: true },
  });
}
