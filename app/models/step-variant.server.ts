import type { Db } from "~/db/client.server";
import type { VariantOutcome } from "~/experiments/winner-metric";

/** A sum of order totals in one currency, in minor units. */
export interface MoneyTotal {
  currency: string;
  amountMinor: bigint;
}

// Raw rows: SQLite and PostgreSQL drivers return counts as number or bigint.
type Count = number | bigint;

/** The step's A/B variants in label order, and its declared winner; null when the step is not the shop's. */
export function findStepVariants(db: Db, shop: string, stepId: number) {
  return db.step.findFirst({
    where: { id: stepId, version: { sequence: { shop } } },
    select: { winnerVariantId: true, variants: { orderBy: { label: "asc" } } },
  });
}

/**
 * Per variant of a step, in one grouped query over its sent runs: sends, opens, clicks, and sends that
 * recovered a checkout (an order attributed to their clicked link, counted once however many orders).
 * Variants with no sends have no row.
 */
export async function variantOutcomes(db: Db, shop: string, stepId: number): Promise<VariantOutcome[]> {
  // The subquery is not correlated: both engines build its list once and probe it per run.
  const rows = await db.$queryRaw<{ variantId: Count; sent: Count; opened: Count; clicked: Count; recovered: Count }[]>`
    SELECT r."variantId" AS "variantId",
           COUNT(*) AS "sent",
           COUNT(r."firstOpenedAt") AS "opened",
           COUNT(r."firstClickedAt") AS "clicked",
           COUNT(CASE WHEN r."id" IN (
             SELECT "attributedStepRunId" FROM "Order" WHERE "shop" = ${shop} AND "attribution" = 'clicked'
           ) THEN 1 END) AS "recovered"
    FROM "StepRun" r
    WHERE r."shop" = ${shop} AND r."stepId" = ${stepId} AND r."status" = 'sent' AND r."variantId" IS NOT NULL
    GROUP BY r."variantId"`;
  return rows.map((row) => ({
    variantId: Number(row.variantId),
    sent: Number(row.sent),
    opened: Number(row.opened),
    clicked: Number(row.clicked),
    recovered: Number(row.recovered),
  }));
}

/**
 * Revenue of the orders attributed to a click on each variant's messages, per variant and currency.
 * The sum travels as text so that no driver rounds it through a float.
 */
export async function variantRevenue(db: Db, shop: string, stepId: number): Promise<(MoneyTotal & { variantId: number })[]> {
  const rows = await db.$queryRaw<{ variantId: Count; currency: string; amountMinor: string }[]>`
    SELECT r."variantId" AS "variantId", o."currency" AS "currency", CAST(SUM(o."totalPriceMinor") AS TEXT) AS "amountMinor"
    FROM "Order" o
    JOIN "StepRun" r ON r."id" = o."attributedStepRunId"
    WHERE o."shop" = ${shop} AND o."attribution" = 'clicked'
      AND r."shop" = ${shop} AND r."stepId" = ${stepId} AND r."status" = 'sent' AND r."variantId" IS NOT NULL
    GROUP BY r."variantId", o."currency"
    ORDER BY o."currency"`;
  return rows.map((row) => ({ variantId: Number(row.variantId), currency: row.currency, amountMinor: BigInt(row.amountMinor) }));
}

/**
 * Sends all of the step's later traffic to one of its variants. Conditional on no winner yet, so two
 * processes deciding at once cannot each crown their own; false for the one that lost.
 */
export async function declareWinningVariant(db: Db, shop: string, stepId: number, variantId: number): Promise<boolean> {
  const { count } = await db.step.updateMany({
    where: { id: stepId, winnerVariantId: null, version: { sequence: { shop } }, variants: { some: { id: variantId } } },
    data: { winnerVariantId: variantId },
  });
  return count === 1;
}
