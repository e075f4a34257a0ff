import { describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { createSendgridSender } from "~/email/sendgrid-sender.server";
import { CONCURRENCY } from "~/sequencer/run-due-steps.server";
import type { ScriptedResponse } from "../doubles/sendgrid-server";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload } from "../factories/payloads";
import { createSequence, createTemplate } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { tickAt, useSequencer } from "../support/sequencer";

const world = useSequencer();
// A stalled send lasts as long as the client's timeout: a short one keeps stalled ticks quick, the
// usual long one elsewhere keeps a busy machine from timing out sends SendGrid did take.
const STALLED_SEND_TIMEOUT_MS = 500;
const servicesFor = (condition: ScriptedResponse | null) =>
  condition?.kind === "hang"
    ? { ...world.services, email: createSendgridSender({ apiKey: world.sendgrid.apiKey, apiUrl: world.sendgrid.apiUrl, timeoutMs: STALLED_SEND_TIMEOUT_MS }) }
    : world.services;

const FIRST_STEP_DUE = 60;
const ABANDONED_AT = Date.parse("2026-11-20T15:54:02Z");
const minute = (count: number) => new Date(ABANDONED_AT + count * 60_000);

/** The step runs SendGrid was asked to send at each simulated minute, and what stayed open after each tick. */
interface Tick {
  minute: number;
  runs: string[];
  sendsLeftOpen: number;
  runsLeftSending: number;
}

/** `shoppers` carts abandoned at once, each enrolled in a one-step sequence whose email falls due at FIRST_STEP_DUE. */
async function abandonCarts(shoppers: number) {
  await createShop({ quietHoursStartMinute: null, quietHoursEndMinute: null });
  const { id } = await createTemplate();
  await createSequence([{ delayMinutes: FIRST_STEP_DUE, templateId: id }]);
  for (let shopper = 0; shopper < shoppers; shopper++) {
    await deliverWebhook("checkouts/create", checkoutPayload({ token: `t${shopper}`, cart_token: `c${shopper}`, email: `shopper-${shopper}@example.com`, customer: null }));
  }
  await tickAt(world.services, minute(1));
}

/** Runs the sequencer once a simulated minute while SendGrid answers as `sendgridAt(minute)` says. */
async function tickEveryMinute(from: number, to: number, sendgridAt: (minute: number) => ScriptedResponse | null): Promise<Tick[]> {
  const ticks: Tick[] = [];
  for (let at = from; at <= to; at++) {
    const condition = sendgridAt(at);
    world.sendgrid.setOutage(condition);
    const seen = world.sendgrid.requestBodies.length;
    await tickAt(servicesFor(condition), minute(at));
    // A send the app gave up on is closed by the client; give the server a moment to see it.
    await vi.waitFor(() => expect(world.sendgrid.inFlight).toBe(0), { timeout: 1_000 }).catch(() => {});
    ticks.push({
      minute: at,
      runs: world.sendgrid.requestBodies.slice(seen).map((body) => String(body?.custom_args?.step_run_id)),
      sendsLeftOpen: world.sendgrid.inFlight,
      runsLeftSending: await db.stepRun.count({ where: { status: "sending" } }),
    });
  }
  world.sendgrid.setOutage(null);
  return ticks;
}

/** The minutes at which each step run was attempted. */
function attemptsByRun(ticks: Tick[]): Map<string, number[]> {
  const attempts = new Map<string, number[]>();
  for (const { minute, runs } of ticks) for (const run of runs) attempts.set(run, [...(attempts.get(run) ?? []), minute]);
  return attempts;
}

const gaps = (minutes: number[]) => minutes.slice(1).map((at, index) => at - minutes[index]!);

/** Backoff: each run tried `times` times, again after 1, 2, 4… minutes, by the first tick past each delay. */
function expectDoublingRetries(ticks: Tick[], times: number) {
  for (const attempts of attemptsByRun(ticks).values()) {
    expect(attempts).toHaveLength(times);
    gaps(attempts).forEach((gap, retry) => expect(gap - 2 ** retry).toBeOneOf([0, 1]));
  }
}

/** No pile-up: each run at most once a tick, nothing left open or leased between ticks. */
function expectNoPileUp(ticks: Tick[]) {
  for (const tick of ticks) {
    expect(new Set(tick.runs).size, `minute ${tick.minute}`).toBe(tick.runs.length);
    expect({ minute: tick.minute, sendsLeftOpen: tick.sendsLeftOpen, runsLeftSending: tick.runsLeftSending }).toEqual({ minute: tick.minute, sendsLeftOpen: 0, runsLeftSending: 0 });
  }
}

/** Once SendGrid is back, every step has gone out exactly once, and the ledger counts every attempt. */
async function expectEverythingSentOnce(ticks: Tick[], shoppers: number) {
  const sent = world.sendgrid.messages.map((message) => String(message.body.custom_args?.step_run_id));
  expect(sent.length).toBe(shoppers);
  expect(new Set(sent).size).toBe(shoppers);
  const attempts = attemptsByRun(ticks);
  for (const run of await db.stepRun.findMany()) {
    expect(run).toMatchObject({ status: "sent", attempts: attempts.get(String(run.id))?.length });
  }
}

/** SendGrid in `condition` for the first `minutes` after the step falls due, then well again. */
const downFor = (minutes: number, condition: ScriptedResponse) => (at: number) => (at < FIRST_STEP_DUE + minutes ? condition : null);

describe("SendGrid down for minutes", () => {
  it("answering 503: the sequencer retries each step after 1, 2, 4, 8… minutes, then sends each once", async () => {
    await abandonCarts(4);
    const ticks = await tickEveryMinute(FIRST_STEP_DUE, FIRST_STEP_DUE + 20, downFor(15, { kind: "server_error", status: 503 }));

    expectNoPileUp(ticks);
    expectDoublingRetries(ticks, 5);
    await expectEverythingSentOnce(ticks, 4);
  });

  it("answering 429 with Retry-After: no step is tried again before SendGrid said, then each is sent once", async () => {
    await abandonCarts(4);
    const retryAfterMinutes = 5;
    const ticks = await tickEveryMinute(FIRST_STEP_DUE, FIRST_STEP_DUE + 20, downFor(15, { kind: "rate_limited", retryAfter: String(retryAfterMinutes * 60) }));

    expectNoPileUp(ticks);
    for (const attempts of attemptsByRun(ticks).values()) {
      expect(attempts).toHaveLength(4);
      // Retry-After outweighs the shorter backoff; the retry comes by the first tick after it.
      for (const gap of gaps(attempts)) expect(gap).toBeOneOf([retryAfterMinutes, retryAfterMinutes + 1]);
    }
    await expectEverythingSentOnce(ticks, 4);
  });

  it("stalling: sends time out and wait for SendGrid's events, never more at once than a worker runs; once SendGrid reports later emails, each is sent again exactly once", async () => {
    // More shoppers than a worker sends at once.
    const shoppers = CONCURRENCY + 2;
    await abandonCarts(shoppers);
    const stalled = await tickEveryMinute(FIRST_STEP_DUE, FIRST_STEP_DUE + 12, downFor(10, { kind: "hang" }));

    expect(world.sendgrid.maxInFlight).toBeLessThanOrEqual(CONCURRENCY);
    // Each send tried once: SendGrid may have taken it, so it is not sent again on a guess.
    expect([...attemptsByRun(stalled).values()]).toEqual(Array.from({ length: shoppers }, () => [FIRST_STEP_DUE]));
    for (const tick of stalled) expect({ minute: tick.minute, sendsLeftOpen: tick.sendsLeftOpen, runsLeftSending: tick.runsLeftSending }).toEqual({ minute: tick.minute, sendsLeftOpen: 0, runsLeftSending: shoppers });

    // SendGrid, well again, reports processing another shop's email: it never took the stalled ones.
    await createShop({ domain: "other-shop.myshopify.com" });
    await db.messageEvent.create({ data: { shop: "other-shop.myshopify.com", providerEventId: "later-processed", event: "processed", occurredAt: minute(FIRST_STEP_DUE + 11) } });
    const settled = await tickEveryMinute(FIRST_STEP_DUE + 13, FIRST_STEP_DUE + 20, () => null);

    expectNoPileUp(settled.slice(-1));
    await expectEverythingSentOnce([...stalled, ...settled], shoppers);
  });
});
