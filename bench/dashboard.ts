// `npm run bench:dashboard`: the recovery dashboard's statistics for a shop with a million stored
// checkouts (10 % of shoppers held out), next to the same figures counted from the stored rows (the
// direct recovery report).
import { countOption, parseBenchOptions } from "./support/bench-options";
import { createBenchDatabase } from "./support/bench-database";
import { ms, printHeading, printTable, printTargets, times } from "./support/report";
import { createRunFolder } from "./support/run-folder";
import { timeRepeatedly } from "./support/time-repeatedly";

const TARGET_MS = 100;
const NOW = new Date("2026-11-23T12:00:00Z");
const PERIODS = [7, 30, 90] as const;

const options = parseBenchOptions({
  checkouts: { type: "string", default: "1000000" },
  runs: { type: "string", default: "10" },
});
const checkouts = countOption(options.checkouts, "checkouts");
const runs = countOption(options.runs, "runs");

const database = await createBenchDatabase(options.database, "dashboard", createRunFolder("dashboard"), options.keep);
// The app opens its database on import: point it at the benchmark's first.
Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: "warn" });
const { db } = await import("~/db/client.server");
const { recoveryDashboard } = await import("~/dashboard/recovery-dashboard.server");
const { recoveryReport } = await import("~/recovery/recovery-report.server");
const { dashboardPeriod } = await import("~/dashboard/dashboard-period");
const { BENCH_SHOP } = await import("./support/bench-shop");
const { seedBenchShop } = await import("./support/seed-bench-shop");

try {
  printHeading(`Dashboard statistics over ${checkouts.toLocaleString("en-US")} checkouts`, database);
  await seedBenchShop(db, database, { now: NOW, days: 90, abandonmentMinutes: 10, holdoutPercent: 10 }, checkouts);

  const rows = [["period", "dashboard p50", "p99", "CPU/run", "counted from rows p50", "rollups faster by"]];
  const checks = [];
  for (const length of PERIODS) {
    const dashboard = await timeRepeatedly(() => recoveryDashboard(db, BENCH_SHOP, length, NOW), { warmup: 3, runs });
    // The baseline answers the same questions by counting checkouts, emails and orders: slow, so fewer runs.
    const period = dashboardPeriod(length, NOW, "UTC");
    const counted = await timeRepeatedly(() => recoveryReport(db, { domain: BENCH_SHOP, currency: "USD" }, period), { warmup: 1, runs: 5 });
    rows.push([`last ${length} days`, ms(dashboard.p50), ms(dashboard.p99), ms(dashboard.cpuMs), ms(counted.p50), times(counted.p50, dashboard.p50)]);
    checks.push({
      target: `dashboard, last ${length} days, < ${TARGET_MS} ms`,
      met: dashboard.p50 < TARGET_MS,
      measured: `p50 ${ms(dashboard.p50)}, p99 ${ms(dashboard.p99)}, CPU ${ms(dashboard.cpuMs)}`,
    });
  }
  printTable(rows);
  printTargets(checks);
} finally {
  await db.$disconnect();
  await database.dispose();
}
