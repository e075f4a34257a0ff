import type { PrismaClient } from "@prisma/client";
import type { BenchDatabase } from "./bench-database";
import { installBenchShop, BENCH_SHOP } from "./bench-shop";
import { openBulkConnection } from "./bulk-connection";
import type { HistoryWindow } from "./checkout-story";
import { seedShopHistory, type SeededHistory } from "./seed-history";

/** Installs the benchmarks' shop and seeds `checkouts` of its history, printing what was written and how fast. */
export async function seedBenchShop(db: PrismaClient, database: BenchDatabase, window: HistoryWindow, checkouts: number): Promise<SeededHistory> {
  const sequence = await installBenchShop(db, { holdoutPercent: window.holdoutPercent, abandonmentMinutes: window.abandonmentMinutes });
  process.stdout.write(`  seeding ${checkouts.toLocaleString("en-US")} checkouts over ${window.days} days… `);
  const connection = await openBulkConnection(database);
  try {
    const seeded = await seedShopHistory(connection, BENCH_SHOP, sequence, window, checkouts);
    const rows = seeded.checkouts + seeded.enrollments + seeded.stepRuns + seeded.orders + seeded.dailyStats;
    console.log(
      `${seeded.seconds.toFixed(1)} s (${Math.round(rows / seeded.seconds).toLocaleString("en-US")} rows/s): ` +
        `${seeded.enrollments.toLocaleString("en-US")} enrollments, ${seeded.stepRuns.toLocaleString("en-US")} step runs, ` +
        `${seeded.orders.toLocaleString("en-US")} orders, ${seeded.dailyStats} daily rollups`,
    );
    return seeded;
  } finally {
    await connection.close();
  }
}
