// `npm run bench:webhooks`: signed checkouts/update webhooks against the production build (server.ts,
// one process) at fixed rates and then as fast as it answers, next to a bare node:http server that only
// checks the HMAC and inserts one row into the same database. Counts what was lost or applied twice.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { ensureBuild, freePort, startAppServer } from "../scripts/app-server";
import { countOption, parseBenchOptions } from "./support/bench-options";
import { createBenchDatabase } from "./support/bench-database";
import { startTsChild } from "./support/child-process";
import { checkoutUpdateDeliveries } from "./support/checkout-deliveries";
import { IngestLedger } from "./support/ingest-ledger";
import { achieved, keptUp, runIngestPhases, type IngestPhase, type IngestPlan, type IngestServer } from "./support/ingest-phases";
import { distribution } from "./support/percentiles";
import { ms, perSecond, printHeading, printTable, printTargets, ratio } from "./support/report";
import { processCpuMs } from "./support/process-cpu";
import { createRunFolder } from "./support/run-folder";

const TARGET = { perSecond: 2_000, ofBaseline: 0.5, p99Ms: 25, p99Rate: 500 };
const BASELINE_SHOP = "bare-baseline.myshopify.com";
const REDELIVER_EVERY = 25;

const options = parseBenchOptions({
  rates: { type: "string", default: "500,1000,2000" },
  seconds: { type: "string", default: "10" },
  connections: { type: "string", default: "32" },
  profile: { type: "boolean", default: false },
});
const plan: IngestPlan = {
  rates: String(options.rates).split(",").map((rate) => countOption(rate, "rates")),
  seconds: countOption(options.seconds, "seconds"),
  connections: countOption(options.connections, "connections"),
};
if (!plan.rates.includes(TARGET.p99Rate)) plan.rates.unshift(TARGET.p99Rate);

const runFolder = createRunFolder("webhooks");
const database = await createBenchDatabase(options.database, "webhooks", runFolder, options.keep);
const secret = randomBytes(32).toString("hex");
Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: "warn", SHOPIFY_API_KEY: "bench", SHOPIFY_API_SECRET: secret });
const { db } = await import("~/db/client.server");
const { BENCH_SHOP, installBenchShop } = await import("./support/bench-shop");

printHeading("Webhook ingest: signed checkouts/update deliveries, one app process", database);
await installBenchShop(db);
await ensureBuild((line) => console.log(`  ${line}`));

const profiles = path.join(runFolder, "profiles");
const port = await freePort();
const app = await startAppServer(port, {
  ...process.env,
  SHOPIFY_APP_URL: `http://127.0.0.1:${port}`,
  SEQUENCER_SCHEDULE: "off",
  // Production's default level: every delivery logs a line (to nowhere here).
  LOG_LEVEL: "info",
  ...(options.profile && { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profiles}` }),
});
const bare = await startTsChild<{ origin: string }>("bare-ingest-server.ts", { ...process.env });

async function measure(shop: string, server: IngestServer): Promise<{ phases: IngestPhase[]; ledger: IngestLedger }> {
  const ledger = new IngestLedger(shop);
  const prepare = async (count: number, label: string) =>
    ledger.prepared(await checkoutUpdateDeliveries({ shop, secret, count, label, redeliverEvery: REDELIVER_EVERY }));
  const { warmUp, phases } = await runIngestPhases(server, plan, prepare);
  ledger.answered([warmUp, ...phases.map((phase) => phase.result)]);
  return { phases, ledger };
}

/** "0" or the other answers by status, e.g. "12 (500: 10, no answer: 2)". */
function otherAnswers(phase: IngestPhase): string {
  const statuses = Object.entries(phase.result.otherStatuses).map(([status, count]) => `${status === "0" ? "no answer" : status}: ${count}`);
  return statuses.length ? `${phase.result.failed} (${statuses.join(", ")})` : "0";
}

try {
  console.log(`  app: ${app.origin} (server.ts); baseline: ${bare.ready.origin}; ${plan.seconds} s per phase, every ${REDELIVER_EVERY}th delivery sent twice\n`);
  const route = "/webhooks/checkouts/update";
  const appRun = await measure(BENCH_SHOP, { url: `${app.origin}${route}`, cpuMs: () => processCpuMs(app.pid) });
  const bareRun = await measure(BASELINE_SHOP, { url: `${bare.ready.origin}${route}`, cpuMs: () => processCpuMs(bare.process.child.pid) });
  const appLedger = await appRun.ledger.reconcile(db, { storesCheckouts: true });
  const bareLedger = await bareRun.ledger.reconcile(db, { storesCheckouts: false });

  const rows = [["phase", "server", "sent", "200", "other", "skipped", "answered/s", "p50", "p99", "max", "kept up", "server CPU/delivery"]];
  for (const [server, run] of [["app", appRun], ["baseline", bareRun]] as const) {
    for (const phase of run.phases) {
      const spread = distribution(phase.result.latencies);
      rows.push([
        phase.name, server, String(phase.result.offered), String(phase.result.ok), otherAnswers(phase), String(phase.result.skipped), perSecond(achieved(phase)),
        ms(spread.p50), ms(spread.p99), ms(spread.max), phase.rate === null ? "" : keptUp(phase) ? "yes" : "no",
        phase.serverCpuMs === null ? "n/a" : ms(phase.serverCpuMs),
      ]);
    }
  }
  printTable(rows);

  const appMax = achieved(appRun.phases.at(-1)!);
  const bareMax = achieved(bareRun.phases.at(-1)!);
  const targetPhase = appRun.phases.find((phase) => phase.rate === TARGET.perSecond);
  const p99Phase = appRun.phases.find((phase) => phase.rate === TARGET.p99Rate)!;
  const p99 = distribution(p99Phase.result.latencies).p99;
  console.log(`  app's maximum: ${perSecond(appMax)}, ${ratio(appMax, bareMax)} of the baseline's ${perSecond(bareMax)}`);
  console.log(`  app: ${appLedger.acknowledged} deliveries acknowledged, ${appLedger.failed} answers other than 200, ${appLedger.lost} lost, ${appLedger.duplicated} applied twice, ${appLedger.missingCheckouts} checkouts missing`);
  console.log(`  baseline: ${bareLedger.acknowledged} acknowledged, ${bareLedger.failed} other answers, ${bareLedger.lost} lost\n`);
  printTargets([
    {
      target: `≥ ${perSecond(TARGET.perSecond)} sustained`,
      // Kept pace with that rate for a whole phase, or, without such a phase, answered that fast over the connections.
      met: targetPhase ? keptUp(targetPhase) : appMax >= TARGET.perSecond,
      measured: `maximum ${perSecond(appMax)}${targetPhase ? `, ${keptUp(targetPhase) ? "kept up with" : "fell behind"} ${TARGET.perSecond}/s` : ""}`,
    },
    { target: `≥ ${TARGET.ofBaseline * 100} % of the bare baseline`, met: appMax >= bareMax * TARGET.ofBaseline, measured: ratio(appMax, bareMax) },
    { target: `p99 ≤ ${TARGET.p99Ms} ms at ${TARGET.p99Rate}/s`, met: p99 <= TARGET.p99Ms && keptUp(p99Phase), measured: ms(p99) },
    {
      target: "zero lost or duplicated",
      met: appLedger.lost + appLedger.duplicated + appLedger.missingCheckouts + appLedger.failed === 0,
      measured: `${appLedger.lost} lost, ${appLedger.duplicated} duplicated, ${appLedger.failed} not acknowledged`,
    },
  ]);
} finally {
  await app.stop();
  await bare.process.close();
  await db.$disconnect();
  if (options.profile) console.log(`\n  app CPU profile in ${path.relative(process.cwd(), profiles)}: npx tsx bench/profile-summary.ts ${path.relative(process.cwd(), profiles)}/*.cpuprofile`);
  await database.dispose();
}
