// `npm run demo`: Comeback's main job on a machine with no Shopify account and no SendGrid key.
// It prepares an embedded database, starts the production app, a SendGrid-compatible mailbox that keeps
// every message and three webhook receivers, plays a stream of signed Shopify webhooks (and SendGrid
// events, and one-click unsubscribes) at the app's real routes, runs the sequencer over a simulated clock
// (five days in well under a minute), and reports. Clicks and survey answers go through the same domain
// functions as their routes, at the simulated time, since the routes stamp them with the real one.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startSendgridServer, type ReceivedMessage } from "../../test/doubles/sendgrid-server";
import { createEventSigner, eventBody } from "../../test/doubles/sendgrid-events";
import { signedWebhookRequest } from "../../test/doubles/shopify-webhook";
import { startWebhookReceiver, type WebhookReceiver } from "../../test/doubles/webhook-receiver";
import { toMinorUnits } from "~/lib/money";
import { createActionQueue } from "./action-queue";
import { applyMigrations, ensureBuild, freePort, startAppServer } from "../app-server";
import { createMailFolder } from "./mail-folder";
import { seededRandom } from "./random";
import { reactionsTo, type Reaction } from "./shopper-reactions";
import { createShoppers, type Shopper } from "./shoppers";
import { checkoutBody, orderBody } from "./shopify-payloads";

const START = new Date("2026-11-23T14:00:00Z"); // a Monday, 09:00 in New York
const DAYS = 5;
const TICK_MINUTES = 10;
const MINUTE = 60_000;

const { values: options } = parseArgs({
  options: {
    shoppers: { type: "string", default: "300" },
    seed: { type: "string", default: "11" },
    json: { type: "boolean", default: false },
    folder: { type: "string", default: path.join(".demo", new Date().toISOString().replace(/[:.]/g, "-")) },
  },
});
const log = (line: string) => options.json || console.log(line);
const startedAt = performance.now();

const runFolder = path.resolve(options.folder);
const mail = createMailFolder(path.join(runFolder, "mail"));
let now = START;
const arrived: ReceivedMessage[] = [];
const mailbox = await startSendgridServer({
  apiKey: "SG.comeback-demo",
  onMessage: (message) => {
    mail.keep(message.body, message.messageId, now);
    arrived.push(message);
  },
});
const receivers: Record<"support" | "crm" | "sms", WebhookReceiver> = {
  support: await startWebhookReceiver({ clock: () => now }),
  crm: await startWebhookReceiver({ clock: () => now }),
  sms: await startWebhookReceiver({ clock: () => now }),
};
const eventSigner = createEventSigner();
const port = await freePort();
const appOrigin = `http://127.0.0.1:${port}`;
const shopifySecret = randomBytes(32).toString("hex");

// The app reads its configuration once, at import: set it before anything imports app code.
Object.assign(process.env, {
  DATABASE_URL: `file:${path.join(runFolder, "comeback.sqlite")}`,
  SHOPIFY_API_KEY: "comeback-demo",
  SHOPIFY_API_SECRET: shopifySecret,
  SHOPIFY_APP_URL: appOrigin,
  SENDGRID_API_KEY: mailbox.apiKey,
  SENDGRID_API_URL: mailbox.apiUrl,
  SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY: eventSigner.publicKey,
  EMAIL_FROM_ADDRESS: "hello@demo-outfitters.example",
  SEQUENCER_SCHEDULE: "off",
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
  LOG_LEVEL: "error",
});
mkdirSync(runFolder, { recursive: true });
log(`Comeback demo: ${options.shoppers} shoppers over ${DAYS} simulated days (working folder ${path.relative(process.cwd(), runFolder)})`);
applyMigrations(process.env);
await ensureBuild(log);
const app = await startAppServer(port, process.env);
log(`App running at ${app.origin}`);

const { DEMO_SHOP, setUpDemoShop } = await import("./demo-shop");
const secrets = await setUpDemoShop({ support: receivers.support.url, crm: receivers.crm.url, sms: receivers.sms.url });
for (const name of ["support", "crm", "sms"] as const) receivers[name].useSecret(secrets[name]);
const { db } = await import("~/db/client.server");
const { followRecoveryLink } = await import("~/links/follow-recovery-link.server");
const { answerSurvey } = await import("~/survey/answer-survey.server");
const { sequencerServices } = await import("~/services.server");
const { runDueSteps } = await import("~/sequencer/run-due-steps.server");
const { collectReport, printReport } = await import("./report");

const random = seededRandom(Number(options.seed));
const shoppers = createShoppers(Number(options.shoppers), START, random);
const byEmail = new Map(shoppers.filter((shopper) => shopper.email).map((shopper) => [shopper.email!, shopper]));
const emailsReceived = new Map<Shopper, number>();
const queue = createActionQueue();
const pendingEvents: object[] = [];
const played = {
  shopifyWebhooks: 0,
  redeliveries: 0,
  ordersAfterClick: 0,
  revenueAfterClickMinor: 0n,
  ordersWithoutClick: 0,
  reactions: { delivered: 0, opened: 0, click: 0, order: 0, unsubscribe: 0, survey: 0 } satisfies Record<Reaction["kind"], number>,
};
const emailsOpened = new Set<string>();
let orderNumber = 1000;

async function expectOk(response: Response, what: string) {
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
}

/** A Shopify webhook, signed with the app's secret, posted to the app's real route. */
async function shopifyWebhook(topic: "checkouts/create" | "checkouts/update" | "orders/create", body: object, webhookId: string) {
  const request = signedWebhookRequest(topic, body, { shop: DEMO_SHOP, webhookId, secret: shopifySecret });
  await expectOk(await fetch(`${app.origin}/webhooks/${topic}`, { method: "POST", headers: request.headers, body: await request.text() }), topic);
  played.shopifyWebhooks += 1;
}

function scheduleShopifyWebhook(at: Date, topic: Parameters<typeof shopifyWebhook>[0], body: object, redelivered = false) {
  const webhookId = randomBytes(8).toString("hex");
  queue.add({ at, label: topic, run: () => shopifyWebhook(topic, body, webhookId) });
  if (redelivered) {
    queue.add({
      at: new Date(at.getTime() + 30_000),
      label: `${topic} again`,
      run: async () => {
        await shopifyWebhook(topic, body, webhookId);
        played.redeliveries += 1;
      },
    });
  }
}

function placeOrder(shopper: Shopper, at: Date, afterClick: boolean | null) {
  const order = orderBody(shopper, at, ++orderNumber);
  scheduleShopifyWebhook(at, "orders/create", order);
  if (afterClick === true) {
    played.ordersAfterClick += 1;
    played.revenueAfterClickMinor += toMinorUnits(order.total_price, order.currency);
  }
  if (afterClick === false) played.ordersWithoutClick += 1;
}

/** What Shopify sends while the shopper is at checkout, as the shopper's persona plays it. */
function playCheckout(shopper: Shopper) {
  const minutesIn = (minutes: number) => new Date(shopper.startedAt.getTime() + minutes * MINUTE);
  scheduleShopifyWebhook(shopper.startedAt, "checkouts/create", checkoutBody(shopper, DEMO_SHOP, minutesIn(1)), shopper.redelivered);
  scheduleShopifyWebhook(minutesIn(4), "checkouts/update", checkoutBody(shopper, DEMO_SHOP, minutesIn(4)));
  if (shopper.outOfOrder) scheduleShopifyWebhook(minutesIn(5), "checkouts/update", checkoutBody(shopper, DEMO_SHOP, minutesIn(3)));
  if (shopper.persona.kind === "quick_buyer") {
    scheduleShopifyWebhook(minutesIn(6), "checkouts/update", checkoutBody(shopper, DEMO_SHOP, minutesIn(6), minutesIn(6)));
    placeOrder(shopper, minutesIn(6), null);
  }
  // Never emailed, the shopper still comes back and buys a day later: an organic order, attributed to nothing.
  if (shopper.persona.kind === "no_consent") placeOrder(shopper, minutesIn(26 * 60), null);
}

function scheduleReaction(shopper: Shopper, reaction: Reaction, message: ReceivedMessage) {
  const event = (kind: "delivered" | "open") => ({
    email: shopper.email,
    timestamp: Math.floor(reaction.at.getTime() / 1000),
    event: kind,
    sg_event_id: randomBytes(12).toString("base64url"),
    sg_message_id: `${message.messageId}.filterdrecv-demo-1`,
    ...message.body.custom_args,
  });
  const actions: Record<Reaction["kind"], () => Promise<void>> = {
    delivered: async () => void pendingEvents.push(event("delivered")),
    opened: async () => void pendingEvents.push(event("open")),
    click: async () => {
      const token = new URL((reaction as { url: string }).url).pathname.split("/r/")[1]!;
      await followRecoveryLink(db, token, { now: reaction.at, isClick: true });
    },
    order: async () => placeOrder(shopper, reaction.at, (reaction as { clicked: boolean }).clicked),
    unsubscribe: async () => {
      const body = "List-Unsubscribe=One-Click";
      const headers = { "Content-Type": "application/x-www-form-urlencoded" };
      await expectOk(await fetch((reaction as { url: string }).url, { method: "POST", headers, body }), "unsubscribe");
    },
    survey: async () => {
      const url = new URL((reaction as { url: string }).url);
      await answerSurvey(db, url.pathname.split("/s/")[1]!, url.searchParams.get("reason") ?? "", { now: reaction.at, isAnswer: true });
    },
  };
  queue.add({
    at: reaction.at,
    label: reaction.kind,
    run: async () => {
      await actions[reaction.kind]();
      played.reactions[reaction.kind] += 1;
      // A click shows the email was opened even when no open was reported (images blocked); Comeback counts it so.
      if (reaction.kind === "opened" || reaction.kind === "click") emailsOpened.add(message.messageId);
    },
  });
}

/** SendGrid batches its Event Webhook posts; the demo posts one signed batch per tick. */
async function postSendgridEvents() {
  if (!pendingEvents.length) return;
  const body = eventBody(pendingEvents.splice(0));
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const headers = {
    "Content-Type": "application/json",
    "X-Twilio-Email-Event-Webhook-Signature": eventSigner.sign(timestamp, body),
    "X-Twilio-Email-Event-Webhook-Timestamp": timestamp,
  };
  await expectOk(await fetch(`${app.origin}/sendgrid/events`, { method: "POST", headers, body }), "SendGrid events");
}

for (const shopper of shoppers) playCheckout(shopper);
const end = new Date(START.getTime() + DAYS * 24 * 60 * MINUTE);
for (let tick = START; tick <= end; tick = new Date(tick.getTime() + TICK_MINUTES * MINUTE)) {
  now = tick;
  for (const action of queue.due(tick)) await action.run();
  await postSendgridEvents();
  await runDueSteps(tick, sequencerServices);
  for (const message of arrived.splice(0)) {
    const shopper = byEmail.get(message.body.personalizations?.[0]?.to?.[0]?.email ?? "");
    if (!shopper) continue;
    const number = (emailsReceived.get(shopper) ?? 0) + 1;
    emailsReceived.set(shopper, number);
    const html = message.body.content?.find((part) => part.type === "text/html")?.value ?? "";
    for (const reaction of reactionsTo(shopper, { html, arrivedAt: tick, number }, appOrigin, random)) scheduleReaction(shopper, reaction, message);
  }
}

const emailsPerRun = new Map<string, number>();
for (const message of mailbox.messages) {
  const run = String(message.body.custom_args?.step_run_id);
  emailsPerRun.set(run, (emailsPerRun.get(run) ?? 0) + 1);
}
const report = await collectReport({ domain: DEMO_SHOP, currency: "USD" }, { from: START, to: new Date(end.getTime() + MINUTE) }, {
  shoppers: shoppers.length,
  ...played,
  emailsReceived: mailbox.messages.length,
  emailsOpened: emailsOpened.size,
  emailsSentTwice: [...emailsPerRun.values()].filter((count) => count > 1).length,
  deliveriesReceived: Object.fromEntries(Object.entries(receivers).map(([name, receiver]) => [name, receiver.accepted.length])),
  duplicateDeliveries: Object.values(receivers).reduce((total, receiver) => total + receiver.duplicateCount, 0),
  mailFolder: mail.folder,
  seconds: (performance.now() - startedAt) / 1000,
});

if (options.json) console.log(JSON.stringify(report, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value)));
else printReport(report);

await app.stop();
await db.$disconnect();
await Promise.all([mailbox.close(), ...Object.values(receivers).map((receiver) => receiver.close())]);
process.exitCode = Object.values(report.checks).every(Boolean) ? 0 : 1;
