import { sql, type Db } from "~/db/client.server";
import type { RawSql } from "~/db/direct-transaction.server";
import { eachShopsOwn } from "./by-shop.server";

/** One arm of a step's A/B test: its own subject and/or template, and its relative share of the traffic. */
export interface VariantDefinition {
  label: string;
  weight: number;
  subject: string | null;
  templateId: number | null;
}

export interface AbTestDefinition {
  variants: VariantDefinition[];
  autoWinnerMetric: "click" | "recovery" | null;
  autoWinnerMinSample: number | null;
  /** A winner already declared, carried onto the new version by its label. */
  winnerLabel?: string | null;
}

export interface StepDefinition {
  delayMinutes: number;
  channel: "email" | "webhook";
  templateId: number | null;
  destinationId?: number | null;
  minCartValueMinor?: bigint | null;
  skipIfClicked?: boolean;
  enabled?: boolean;
  discount?: { kind: "percentage" | "fixed_amount"; value: string; minSubtotal: string | null; expiryHours: number } | null;
  abTest?: AbTestDefinition | null;
}

const withSteps = { steps: { orderBy: { position: "asc" as const } } };

const newestActiveVersion = (shop: string) => ({
  where: { sequence: { shop, active: true } },
  orderBy: [{ sequenceId: "desc" as const }, { number: "desc" as const }],
});

/** The newest version of the shop's active sequence, which new enrollments start on. */
export function activeSequenceVersion(db: Db, shop: string) {
  return db.sequenceVersion.findFirst({ ...newestActiveVersion(shop), include: withSteps });
}

/** The same version as activeSequenceVersion, with what the editor shows: the sequence and each step's variants. */
export function activeSequenceVersionForEditing(db: Db, shop: string) {
  return db.sequenceVersion.findFirst({
    ...newestActiveVersion(shop),
    include: {
      sequence: { select: { id: true, name: true } },
      steps: { orderBy: { position: "asc" }, include: { variants: { orderBy: { label: "asc" } } } },
    },
  });
}

export function findSequence(db: Db, shop: string, sequenceId: number) {
  return db.sequence.findFirst({ where: { id: sequenceId, shop }, select: { id: true, name: true } });
}

/** Running enrollments of the sequence that started on a version older than `number`; they finish that version. */
export function countEnrollmentsOnOlderVersions(db: Db, shop: string, sequenceId: number, number: number): Promise<number> {
  return db.enrollment.count({ where: { shop, status: "active", version: { sequenceId, number: { lt: number } } } });
}

export interface ScheduledStep {
  shop: string;
  sequenceVersionId: number;
  id: number;
  position: number;
  delayMinutes: number;
  channel: string;
  enabled: boolean;
}

/**
 * The steps of sequence versions of several shops, as their enrollments' schedules need them, each
 * version found only under its own shop, in position order. Raw SQL: nearly every email sent reads
 * its version's schedule to schedule the next step.
 */
export async function versionSchedules(db: RawSql, versions: Iterable<readonly [shop: string, id: number]>): Promise<ScheduledStep[]> {
  const own = eachShopsOwn(
    versions,
    (shop, ids) => sql.sql`
      SELECT "Sequence"."shop", "Step"."sequenceVersionId", "Step"."id", "Step"."position", "Step"."delayMinutes", "Step"."channel", "Step"."enabled"
      FROM "Step"
      JOIN "SequenceVersion" ON "SequenceVersion"."id" = "Step"."sequenceVersionId"
      JOIN "Sequence" ON "Sequence"."id" = "SequenceVersion"."sequenceId"
      WHERE "Sequence"."shop" = ${shop} AND "SequenceVersion"."id" IN (${sql.join(ids)})`,
  );
  return own ? db.$queryRaw<ScheduledStep[]>`${own} ORDER BY "position"` : [];
}

export async function shopHasSequence(db: Db, shop: string): Promise<boolean> {
  return (await db.sequence.count({ where: { shop } })) > 0;
}

export function createSequence(db: Db, shop: string, name: string, steps: StepDefinition[]) {
  return atomically(db, async (tx) => {
    const sequence = await tx.sequence.create({
      data: { shop, name, versions: { create: { number: 1, steps: { create: stepRows(steps) } } } },
      include: { versions: { include: withSteps } },
    });
    await declareCarriedWinners(tx, sequence.versions[0]!.id, steps);
    return sequence;
  });
}

/**
 * Saves edited steps as a new version. Running enrollments keep the version they started with, so an
 * edit can neither resend nor skip a step for them.
 */
export async function publishSequenceVersion(db: Db, shop: string, sequenceId: number, steps: StepDefinition[]) {
  return atomically(db, async (tx) => {
    const latest = await tx.sequenceVersion.findFirst({
      where: { sequenceId, sequence: { shop } },
      orderBy: { number: "desc" },
      select: { number: true },
    });
    if (!latest) throw new Error(`Sequence ${sequenceId} does not belong to ${shop}`);
    const version = await tx.sequenceVersion.create({
      data: { sequenceId, number: latest.number + 1, steps: { create: stepRows(steps) } },
      include: withSteps,
    });
    await declareCarriedWinners(tx, version.id, steps);
    return version;
  });
}

function stepRows(steps: StepDefinition[]) {
  return steps.map((step, index) => ({
    position: index + 1,
    delayMinutes: step.delayMinutes,
    channel: step.channel,
    templateId: step.templateId,
    destinationId: step.destinationId ?? null,
    minCartValueMinor: step.minCartValueMinor ?? null,
    skipIfClicked: step.skipIfClicked ?? false,
    enabled: step.enabled ?? true,
    discountKind: step.discount?.kind ?? null,
    discountValue: step.discount?.value ?? null,
    discountMinSubtotal: step.discount?.minSubtotal ?? null,
    discountExpiryHours: step.discount?.expiryHours ?? null,
    autoWinnerMetric: step.abTest?.autoWinnerMetric ?? null,
    autoWinnerMinSample: step.abTest?.autoWinnerMinSample ?? null,
    variants: { create: step.abTest?.variants.map(({ label, weight, subject, templateId }) => ({ label, weight, subject, templateId })) ?? [] },
  }));
}

// The winner is a variant id, known only once the new version's variants exist.
async function declareCarriedWinners(db: Db, versionId: number, steps: StepDefinition[]): Promise<void> {
  for (const [index, step] of steps.entries()) {
    const label = step.abTest?.winnerLabel;
    if (!label) continue;
    const winner = await db.stepVariant.findFirst({ where: { label, step: { sequenceVersionId: versionId, position: index + 1 } }, select: { id: true, stepId: true } });
    if (winner) await db.step.update({ where: { id: winner.stepId }, data: { winnerVariantId: winner.id } });
  }
}

/** Runs `work` in a transaction, or in the caller's when `db` already is one. */
function atomically<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return "$transaction" in db ? db.$transaction(work) : work(db);
}

/** A step of one of the shop's sequences, with its template's content in every language, its A/B variants and its destination. */
export function findStepWithTemplate(db: Db, shop: string, stepId: number) {
  return db.step.findFirst({
    where: { id: stepId, version: { sequence: { shop } } },
    include: { template: { include: { contents: true } }, variants: { orderBy: { id: "asc" } }, destination: true },
  });
}
