import type { Db } from "~/db/client.server";

export interface StepDefinition {
  delayMinutes: number;
  channel: "email" | "webhook";
  templateId: number | null;
  destinationId?: number | null;
  minCartValueMinor?: bigint | null;
  skipIfClicked?: boolean;
  enabled?: boolean;
  discount?: { kind: "percentage" | "fixed_amount"; value: string; minSubtotal: string | null; expiryHours: number } | null;
}

const withSteps = { steps: { orderBy: { position: "asc" as const } } };

/** The newest version of the shop's active sequence, which new enrollments start on. */
export function activeSequenceVersion(db: Db, shop: string) {
  return db.sequenceVersion.findFirst({
    where: { sequence: { shop, active: true } },
    orderBy: [{ sequenceId: "desc" }, { number: "desc" }],
    include: withSteps,
  });
}

export function sequenceVersionWithSteps(db: Db, shop: string, versionId: number) {
  return db.sequenceVersion.findFirst({ where: { id: versionId, sequence: { shop } }, include: withSteps });
}

export async function shopHasSequence(db: Db, shop: string): Promise<boolean> {
  return (await db.sequence.count({ where: { shop } })) > 0;
}

export function createSequence(db: Db, shop: string, name: string, steps: StepDefinition[]) {
  return db.sequence.create({
    data: { shop, name, versions: { create: { number: 1, steps: { create: stepRows(steps) } } } },
    include: { versions: { include: withSteps } },
  });
}

/**
 * Saves edited steps as a new version. Running enrollments keep the version they started with, so an
 * edit can neither resend nor skip a step for them.
 */
export async function publishSequenceVersion(db: Db, shop: string, sequenceId: number, steps: StepDefinition[]) {
  const latest = await db.sequenceVersion.findFirst({
    where: { sequenceId, sequence: { shop } },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  if (!latest) throw new Error(`Sequence ${sequenceId} does not belong to ${shop}`);
  return db.sequenceVersion.create({
    data: { sequenceId, number: latest.number + 1, steps: { create: stepRows(steps) } },
    include: withSteps,
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
  }));
}

/** A step of one of the shop's sequences, with its template's content in every language, its A/B variants and its destination. */
export function findStepWithTemplate(db: Db, shop: string, stepId: number) {
  return db.step.findFirst({
    where: { id: stepId, version: { sequence: { shop } } },
    include: { template: { include: { contents: true } }, variants: { orderBy: { id: "asc" } }, destination: true },
  });
}
