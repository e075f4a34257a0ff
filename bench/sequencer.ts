// `npm run bench:sequencer`: one sequencer worker sending due emails through the real SendGrid client
// to a local SendGrid-compatible server, next to bare render-and-send; then the cost of a tick with
// nothing due over a million stored checkouts, next to the same tick over an empty store.
import http from "node:http";
import path from "node:path";
import { countOption, parseBenchOptions } from "./support/bench-options";
import { profiled } from "./support/cpu-profile";
import { createBenchDatabase } from "./support/bench-database";
import { ms, perSecond, printHeading, printTable, printTargets, ratio, times } from "./support/report";
import { createRunFolder } from "./support/run-folder";
import { startSendgridProcess } from "./support/sendgrid-process-client";
import { processCpuNow, timeRepeatedly } from "./support/time-repeatedly";

const EMAILS_PER_SECOND_TARGET = 500;
const IDLE_TICK_TARGET_MS = 20;
// 12:00 UTC on a Monday: outside the shop's quiet hours (21:00–08:00, UTC).
const NOW = new Date("2026-11-23T12:00:00Z");

const options = parseBenchOptions({
  checkouts: { type: "string", default: "1000000" },
  emails: { type: "string", default: "2000" },
  ticks: { type: "string", default: "50" },
  profile: { type: "boolean", default: false },
});
const checkouts = countOption(options.checkouts, "checkouts");
const emails = countOption(options.emails, "emails");
const ticks = countOption(options.ticks, "ticks");

const runFolder = createRunFolder("sequencer");
const database = await createBenchDatabase(options.database, "sequencer", runFolder, options.keep);
const profileFile = options.profile ? path.join(runFolder, "sending-tick.cpuprofile") : null;
const sendgrid = await startSendgridProcess();
// The app opens its database and reads its configuration on import: set both first.
// Shopify's credentials only matter for discount codes, which the default sequence does not offer.
Object.assign(process.env, { DATABASE_URL: database.url, LOG_LEVEL: "warn", SHOPIFY_API_KEY: "bench", SHOPIFY_API_SECRET: "bench-secret" });
const { db } = await import("~/db/client.server");
// The sequencer's own number of sends in flight is given to the baseline too.
const { runDueSteps, CONCURRENCY: SEQUENCER_CONCURRENCY } = await import("~/sequencer/run-due-steps.server");
const { createSendgridSender } = await import("~/email/sendgrid-sender.server");
const { createOutboundHttp } = await import("~/outbound/outbound-http.server");
const { adminForShop } = await import("~/shopify-admin/admin-for-shop.server");
const { DEFAULT_TEMPLATES } = await import("~/templates/default-templates");
const { BENCH_SHOP, installBenchShop } = await import("./support/bench-shop");
const { seedBenchShop } = await import("./support/seed-bench-shop");
const { openBulkConnection } = await import("./support/bulk-connection");
const { seedDueEmails } = await import("./support/seed-due-emails");
const { sendBareEmails } = await import("./support/bare-email-sends");

// The local mailbox, like any node:http server, drops a connection idle for 5 s; a slow worker would
// reuse one just as it closes and see resets that say nothing about the sequencer. Idle sockets are
// closed on this side first. (@sendgrid/mail's HTTP client uses Node's global agent.)
http.globalAgent = new http.Agent({ keepAlive: true, timeout: 2_000 });
const email = createSendgridSender({ apiKey: sendgrid.apiKey, apiUrl: sendgrid.apiUrl, timeoutMs: 15_000 });
const services = {
  db,
  email,
  adminFor: adminForShop,
  webhookHttp: createOutboundHttp({ allowPrivateNetworks: false, allowedAddresses: [] }),
  defaultSender: { email: null, name: null },
  workerId: "bench-worker",
};
const idleTick = async () => {
  const report = await runDueSteps(NOW, services);
  const { webhooks, ...steps } = report;
  if ([...Object.values(steps), ...Object.values(webhooks)].some(Boolean)) throw new Error(`A tick meant to be idle did work: ${JSON.stringify(report)}`);
};

try {
  printHeading(`Sequencer: emails per second per worker, and an idle tick over ${checkouts.toLocaleString("en-US")} checkouts`, database);
  const sequence = await installBenchShop(db);
  const emptyTick = await timeRepeatedly(idleTick, { warmup: 5, runs: ticks });

  const seeded = await seedBenchShop(db, database, { now: NOW, days: 90, abandonmentMinutes: 10, holdoutPercent: 10 }, checkouts);
  const storedTick = await timeRepeatedly(idleTick, { warmup: 5, runs: ticks });

  const bareCpuBefore = processCpuNow();
  const bareSeconds = await sendBareEmails(email, DEFAULT_TEMPLATES[0]!.contents.en, emails, SEQUENCER_CONCURRENCY);
  const bareCpuMs = processCpuNow() - bareCpuBefore;
  const bare = await sendgrid.count();
  await sendgrid.reset();

  const connection = await openBulkConnection(database);
  await seedDueEmails(connection, BENCH_SHOP, sequence, NOW, emails, {
    checkout: seeded.checkouts + 1,
    enrollment: seeded.enrollments + 1,
    stepRun: seeded.stepRuns + 1,
  });
  await connection.close();
  // Fresh connections to the mailbox: ones left idle since the baseline may be closed under the sender's feet.
  await sendBareEmails(email, DEFAULT_TEMPLATES[0]!.contents.en, SEQUENCER_CONCURRENCY, SEQUENCER_CONCURRENCY);
  await sendgrid.reset();
  const [started, cpuBefore] = [performance.now(), processCpuNow()];
  const report = await profiled(profileFile, () => runDueSteps(NOW, services));
  const sequencerSeconds = (performance.now() - started) / 1000;
  const sequencerCpuMs = processCpuNow() - cpuBefore;
  const received = await sendgrid.count();

  const [bareRate, sequencerRate] = [bare.accepted / bareSeconds, report.sent / sequencerSeconds];
  // What one worker could send with a core to itself: the CPU each email cost this process.
  const [bareCpuPerEmail, sequencerCpuPerEmail] = [bareCpuMs / bare.accepted, sequencerCpuMs / Math.max(1, report.sent)];
  printTable([
    ["emails", "sent", "seconds", "per second", "of bare", "CPU/email", "per CPU-second"],
    ["bare render + send (no database)", String(bare.accepted), bareSeconds.toFixed(2), perSecond(bareRate), "100 %", ms(bareCpuPerEmail), perSecond(1000 / bareCpuPerEmail)],
    [
      "sequencer tick, 1 worker", String(report.sent), sequencerSeconds.toFixed(2), perSecond(sequencerRate), ratio(sequencerRate, bareRate),
      ms(sequencerCpuPerEmail), perSecond(1000 / sequencerCpuPerEmail),
    ],
  ]);
  printTable([
    ["idle tick", "p50", "p99", "CPU/tick", "vs empty store"],
    ["empty store", ms(emptyTick.p50), ms(emptyTick.p99), ms(emptyTick.cpuMs), "1.0×"],
    [`${checkouts.toLocaleString("en-US")} checkouts stored`, ms(storedTick.p50), ms(storedTick.p99), ms(storedTick.cpuMs), times(storedTick.p50, emptyTick.p50)],
  ]);
  // A send the mailbox did not answer is retried later, as in production: due = sent + retrying.
  const exactlyOnce = report.sent + report.retrying === emails && received.accepted === report.sent && received.duplicates === 0;
  printTargets([
    {
      target: `≥ ${EMAILS_PER_SECOND_TARGET} emails/s per worker`,
      met: sequencerRate >= EMAILS_PER_SECOND_TARGET,
      measured: `${perSecond(sequencerRate)} (${perSecond(1000 / sequencerCpuPerEmail)} per CPU-second)`,
    },
    { target: "every due email sent once", met: exactlyOnce, measured: `${report.sent} sent and ${report.retrying} to retry of ${emails} due, ${received.accepted} received, ${received.duplicates} twice` },
    {
      target: `idle tick over ${checkouts.toLocaleString("en-US")} checkouts < ${IDLE_TICK_TARGET_MS} ms`,
      met: storedTick.p50 < IDLE_TICK_TARGET_MS,
      measured: `p50 ${ms(storedTick.p50)}, p99 ${ms(storedTick.p99)}, CPU ${ms(storedTick.cpuMs)}`,
    },
  ]);
} finally {
  await db.$disconnect();
  await sendgrid.close();
  await database.dispose();
  if (profileFile) console.log(`\n  the sending tick's CPU profile: npx tsx bench/profile-summary.ts ${path.relative(process.cwd(), profileFile)}`);
}
