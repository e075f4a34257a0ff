import type { DailyStat } from "@prisma/client";
import { column, sql, type Db } from "~/db/client.server";
import type { RawSql } from "~/db/direct-transaction.server";

/** The figures of one rollup row: counts, and money in minor units of the shop's currency. */
export type DailyStatCounts = Omit<DailyStat, "shop" | "day" | "position" | "variantId">;
export type DailyStatRow = Pick<DailyStat, "day" | "position" | "variantId"> & DailyStatCounts;

export interface DailyStatKey {
  /** YYYY-MM-DD in the shop's timezone. */
  day: string;
  /** A step's position; omitted for the shop's totals. */
  position?: number;
  /** A step's A/B variant; omitted (or null) for the step's own row. */
  variantId?: number | null;
}

/** Adds to one rollup row, creating it at zero first. */
export async function bumpDailyStats(db: RawSql, shop: string, { day, position = 0, variantId }: DailyStatKey, deltas: Partial<DailyStatCounts>): Promise<void> {
  await bumpRows(db, shop, [{ day, position, variantId: variantId ?? 0 }], deltas);
}

/**
 * A step's figures count three times: on the shop's totals, on the step's row and, when the message
 * was an A/B variant, on the variant's row.
 */
export async function bumpStepDailyStats(
  db: RawSql,
  shop: string,
  { day, position, variantId }: Required<DailyStatKey>,
  deltas: Partial<DailyStatCounts>,
): Promise<void> {
  const rows = [
    { day, position: 0, variantId: 0 },
    { day, position, variantId: 0 },
  ];
  if (variantId) rows.push({ day, position, variantId });
  await bumpRows(db, shop, rows, deltas);
}

/**
 * Adds the deltas to each row, creating it at zero first, in one INSERT … ON CONFLICT DO UPDATE on
 * SQLite and PostgreSQL alike, so concurrent bumps add up. Raw SQL: every sent email, order and
 * banner visit bumps rollup rows, and Prisma compiled each upsert slower than the database ran it.
 */
async function bumpRows(db: RawSql, shop: string, keys: Array<Required<DailyStatKey>>, deltas: Partial<DailyStatCounts>): Promise<void> {
  const changes = Object.entries(deltas).filter(([, delta]) => delta);
  if (!changes.length) return;
  const columns = ["shop", "day", "position", "variantId", ...changes.map(([field]) => field)].map(column);
  const rows = keys.map(({ day, position, variantId }) => sql.sql`(${sql.join([shop, day, position, variantId, ...changes.map(([, delta]) => delta)])})`);
  const additions = changes.map(([field]) => sql.sql`${column(field)} = "DailyStat".${column(field)} + excluded.${column(field)}`);
  await db.$executeRaw`
    INSERT INTO "DailyStat" (${sql.join(columns)}) VALUES ${sql.join(rows)}
    ON CONFLICT ("shop", "day", "position", "variantId") DO UPDATE SET ${sql.join(additions)}`;
}

/** Every rollup row of the shop from `first` to `last` (inclusive days), read through the primary key. */
export function dailyStatsBetween(db: Db, shop: string, first: string, last: string): Promise<DailyStatRow[]> {
  return db.dailyStat.findMany({
    where: { shop, day: { gte: first, lte: last } },
    omit: { shop: true },
    orderBy: [{ day: "asc" }, { position: "asc" }, { variantId: "asc" }],
  });
}

export async function hasDailyStats(db: Db, shop: string): Promise<boolean> {
  return (await db.dailyStat.findFirst({ where: { shop }, select: { day: true } })) !== null;
}

/** The labels (A, B…) of the shop's A/B variants that rollup rows name; variants of other shops are left out. */
export async function variantLabels(db: Db, shop: string, variantIds: number[]): Promise<Map<number, string>> {
  if (!variantIds.length) return new Map();
  const variants = await db.stepVariant.findMany({
    where: { id: { in: variantIds }, step: { version: { sequence: { shop } } } },
    select: { id: true, label: true },
  });
  return new Map(variants.map((variant) => [variant.id, variant.label]));
}
