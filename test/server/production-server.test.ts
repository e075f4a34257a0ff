import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "~/db/client.server";
import { ensureBuild, freePort, startAppServer } from "../../scripts/app-server";
import { startSendgridServer, type SendgridServer } from "../doubles/sendgrid-server";
import { signedWebhookRequest } from "../doubles/shopify-webhook";
import { checkoutPayload } from "../factories/payloads";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const run = promisify(execFile);
const bin = (name: string) => path.resolve("node_modules/.bin", name);
const CRON_SECRET = "production-test-tick-secret";
/** A demo still running by then is killed, so the test fails with what it printed rather than by timing out. */
const DEMO_TIMEOUT_MS = 270_000;

let sendgrid: SendgridServer;
const servers: { origin: string; stop: () => Promise<void> }[] = [];

/** The production build under server.ts, on this test file's database. */
async function startServer(env: Record<string, string> = {}) {
  const port = await freePort();
  const server = await startAppServer(port, {
    ...process.env,
    SHOPIFY_APP_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: "warn",
    CRON_SECRET,
    SEQUENCER_SCHEDULE: "off",
    SENDGRID_API_KEY: sendgrid.apiKey,
    SENDGRID_API_URL: sendgrid.apiUrl,
    EMAIL_FROM_ADDRESS: "hello@test-shop.example",
    ...env,
  });
  servers.push(server);
  return server;
}

const post = (origin: string, pathname: string, init: RequestInit = {}) => fetch(new URL(pathname, origin), { method: "POST", ...init });

beforeAll(async () => {
  await ensureBuild();
  sendgrid = await startSendgridServer();
  await startServer();
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await sendgrid.close();
});

describe("the production build", () => {
  it("starts and answers its health route", async () => {
    const response = await fetch(`${servers[0]!.origin}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("accepts a signed webhook over HTTP and rejects a forged one", async () => {
    await resetDatabase();
    await createShop();
    const deliver = (request: Request) =>
      post(servers[0]!.origin, "/webhooks/checkouts/create", { headers: request.headers, body: request.body, duplex: "half" } as RequestInit);

    const forged = await deliver(signedWebhookRequest("checkouts/create", checkoutPayload(), { secret: "forged" }));
    const genuine = await deliver(signedWebhookRequest("checkouts/create", checkoutPayload()));

    expect(forged.status).toBe(401);
    expect(genuine.status).toBe(200);
    expect(await db.checkout.count()).toBe(1);
  });

  // Starting a second production server takes seconds on a busy machine: a longer limit than other tests'.
  it("sends every due step exactly once when two server processes tick the same database at once", async () => {
    await resetDatabase();
    sendgrid.reset();
    await createShop({ quietHoursStartMinute: null, quietHoursEndMinute: null });
    const due = new Date(Date.now() - 60_000);
    for (let shopper = 0; shopper < 40; shopper++) {
      await createSentMessage({
        checkout: { email: `shopper${shopper}@example.com`, customerId: null },
        stepRun: { status: "scheduled", dueAt: due, scheduledAt: due, sentAt: null, attempts: 0, providerMessageId: null },
      });
    }
    const second = await startServer();
    const tick = (origin: string) => post(origin, "/cron/tick", { headers: { Authorization: `Bearer ${CRON_SECRET}` } });

    const answers = await Promise.all([servers[0]!.origin, second.origin, servers[0]!.origin, second.origin].map(tick));

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const reports = await Promise.all(answers.map((answer) => answer.json() as Promise<{ sent: number }>));
    expect(reports.reduce((total, report) => total + report.sent, 0)).toBe(40);
    expect(sendgrid.messages).toHaveLength(40);
    expect(new Set(sendgrid.messages.map((message) => message.body.custom_args?.step_run_id)).size).toBe(40);
    expect(await db.stepRun.count({ where: { status: "sent" } })).toBe(40);
  }, 60_000);

  // The demo keeps its data in a SQLite file of its own whatever DATABASE_URL says, so the SQLite run of
  // the suite covers it. About 25 s alone; beside the rest of the suite on two cores, several times that.
  it.skipIf(inject("database") === "postgresql")("runs the demo end to end: every email kept, redeliveries played without duplicates, each receiver reached, figures as played", async () => {
    // A failed check makes the demo exit with 1; its report, printed all the same, says which.
    const { stdout } = await run(bin("tsx"), ["scripts/demo/run-demo.ts", "--shoppers", "40", "--json", "--folder", path.join(inject("runDirectory"), "demo")], { env: { ...process.env, NODE_ENV: "production" }, timeout: DEMO_TIMEOUT_MS }).catch(
      (failure: Error & { stdout?: string }) => {
        if (!failure.stdout?.trim()) throw failure;
        return { stdout: failure.stdout };
      },
    );
    const report = JSON.parse(stdout.trim().split("\n").at(-1)!) as {
      checks: Record<string, boolean>;
      recovery: { abandoned: number; emailed: number; clicked: number; recovered: { orders: number; revenueMinor: string } };
      played: { redeliveries: number; deliveriesReceived: Record<string, number>; mailFolder: string };
    };

    expect(report.checks).toEqual({
      noDuplicateEmails: true,
      noDuplicateDeliveries: true,
      checkoutsAsPlayed: true,
      emailedAsReceived: true,
      deliveredAsPlayed: true,
      openedAsPlayed: true,
      clickedAsPlayed: true,
      recoveredAsPlayed: true,
      boughtAfterEmailAsPlayed: true,
      webhookDeliveriesAsReceived: true,
      surveyAnswersAsPlayed: true,
    });
    const mail = readdirSync(report.played.mailFolder);
    const named = (extension: string) => mail.filter((file) => file.endsWith(extension)).map((file) => path.basename(file, extension));
    expect(named(".eml")).toHaveLength(report.recovery.emailed);
    expect(named(".html")).toEqual(named(".eml"));
    expect(report.played.redeliveries).toBeGreaterThan(0);
    expect(Object.keys(report.played.deliveriesReceived).sort()).toEqual(["crm", "sms", "support"]);
    expect(Math.min(...Object.values(report.played.deliveriesReceived))).toBeGreaterThan(0);
    expect(report.recovery.abandoned).toBeGreaterThan(0);
    expect(report.recovery.emailed).toBeGreaterThan(report.recovery.clicked);
    expect(report.recovery.recovered.orders).toBeGreaterThan(0);
    expect(BigInt(report.recovery.recovered.revenueMinor)).toBeGreaterThan(0n);
  }, 300_000);

  it("shuts down cleanly on SIGTERM, its sequencer schedule included", async () => {
    const server = await startServer({ SEQUENCER_SCHEDULE: "* * * * *" });

    await expect(Promise.race([server.stop().then(() => "exited"), new Promise((resolve) => setTimeout(resolve, 10_000, "still running"))])).resolves.toBe(
      "exited",
    );
  });
});
