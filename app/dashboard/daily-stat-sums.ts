import type { DailyStatCounts } from "~/models/daily-stat.server";

// Typed as the whole row, so a column added to the table and not here fails to compile.
const ZERO: DailyStatCounts = {
  abandoned: 0,
  abandonedValueMinor: 0n,
  enrolled: 0,
  heldOut: 0,
  enrolledRecovered: 0,
  heldOutRecovered: 0,
  emailed: 0,
  delivered: 0,
  opened: 0,
  clicked: 0,
  recoveredOrders: 0,
  recoveredRevenueMinor: 0n,
  afterEmailOrders: 0,
  afterEmailRevenueMinor: 0n,
  bannerShown: 0,
  bannerClicked: 0,
};
const FIELDS = Object.keys(ZERO) as (keyof DailyStatCounts)[];

const add = (sum: number | bigint, value: number | bigint) => (typeof sum === "bigint" ? sum + BigInt(value) : sum + Number(value));

/** Adds rollup rows up, field by field; money stays in bigint minor units. */
export function sumDailyStats(rows: DailyStatCounts[]): DailyStatCounts {
  const sum: Record<keyof DailyStatCounts, number | bigint> = { ...ZERO };
  for (const row of rows) for (const field of FIELDS) sum[field] = add(sum[field], row[field]);
  return sum as DailyStatCounts;
}
