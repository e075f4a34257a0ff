import type { SqlValue } from "./sql-literal";

export const DAILY_STAT_FIGURES = [
  "abandoned",
  "abandonedValueMinor",
  "enrolled",
  "heldOut",
  "enrolledRecovered",
  "heldOutRecovered",
  "emailed",
  "delivered",
  "opened",
  "clicked",
  "recoveredOrders",
  "recoveredRevenueMinor",
  "afterEmailOrders",
  "afterEmailRevenueMinor",
] as const;

type Figure = (typeof DAILY_STAT_FIGURES)[number];
export type DailyStatColumn = "shop" | "day" | "position" | "variantId" | Figure;

/**
 * The daily rollups the app would have added up while the seeded history happened, tallied in memory
 * (UTC days: the seeded shop's timezone) and written once at the end.
 */
export class DailyTally {
  readonly #rows = new Map<string, Record<Figure, number>>();

  /** Adds to the shop's totals and, for a step's figures, to the step's own row. */
  add(at: Date, deltas: Partial<Record<Figure, number>>, position = 0): void {
    const day = at.toISOString().slice(0, 10);
    for (const target of position ? [0, position] : [0]) {
      const key = `${day}|${target}`;
      const row = this.#rows.get(key) ?? (Object.fromEntries(DAILY_STAT_FIGURES.map((figure) => [figure, 0])) as Record<Figure, number>);
      for (const [figure, delta] of Object.entries(deltas) as [Figure, number][]) row[figure] += delta;
      this.#rows.set(key, row);
    }
  }

  rows(shop: string): Record<DailyStatColumn, SqlValue>[] {
    return [...this.#rows].map(([key, figures]) => {
      const [day, position] = key.split("|") as [string, string];
      return { shop, day, position: Number(position), variantId: 0, ...figures };
    });
  }
}
