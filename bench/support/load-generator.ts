import { Agent, request } from "node:http";
import type { PreparedDelivery } from "./checkout-deliveries";

export interface PhaseResult {
  offered: number;
  /** Never sent: the server had fallen so far behind that the phase gave up on them. */
  skipped: number;
  /** Answered 200. */
  ok: number;
  /** Any other answer, or no answer at all. */
  failed: number;
  /** The other answers by status; 0 is a connection error. */
  otherStatuses: Record<number, number>;
  /** Per delivery, in ms, from when it was meant to go out (open loop) or went out (closed loop). */
  latencies: number[];
  seconds: number;
  /** Webhook ids answered 200. */
  acknowledged: Set<string>;
}

export interface Target {
  url: string;
  agent: Agent;
}

/** Where deliveries go, over keep-alive connections as Shopify's delivery workers hold them (more than a fixed rate needs). */
export function loadTarget(url: string): Target {
  return { url, agent: new Agent({ keepAlive: true, maxSockets: 128 }) };
}

/** Closes the target's connections, so that its server can stop. */
export function closeTarget(target: Target): void {
  target.agent.destroy();
}

function post(target: Target, delivery: PreparedDelivery): Promise<number> {
  return new Promise((resolve) => {
    const outgoing = request(target.url, { method: "POST", agent: target.agent, headers: delivery.headers }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    outgoing.on("error", () => resolve(0));
    outgoing.end(delivery.body);
  });
}

function newResult(offered: number): PhaseResult {
  return { offered, skipped: 0, ok: 0, failed: 0, otherStatuses: {}, latencies: [], seconds: 0, acknowledged: new Set() };
}

function record(result: PhaseResult, delivery: PreparedDelivery, status: number, latency: number): void {
  result.latencies.push(latency);
  if (status === 200) {
    result.ok += 1;
    result.acknowledged.add(delivery.webhookId);
  } else {
    result.failed += 1;
    result.otherStatuses[status] = (result.otherStatuses[status] ?? 0) + 1;
  }
}

/** How far behind its schedule a fixed-rate phase may fall before it stops sending: the rest counts as skipped. */
const GIVE_UP_BEHIND_MS = 5_000;
/** Deliveries in flight at once, as Shopify's delivery workers would hold connections; later ones wait their turn. */
const MAX_IN_FLIGHT = 128;

/**
 * Open loop: delivery i is due at start + i/rate whether or not earlier ones were answered, as
 * Shopify's deliveries arrive. Latency counts from the due time, so a server that falls behind shows
 * it (no coordinated omission). A server more than a few seconds behind ends the phase early.
 */
export function offerAtFixedRate(target: Target, deliveries: PreparedDelivery[], perSecond: number): Promise<PhaseResult> {
  const result = newResult(deliveries.length);
  const start = performance.now() + 5;
  const dueAt = (index: number) => start + (index * 1000) / perSecond;
  let next = 0;
  let inFlight = 0;
  let timer: NodeJS.Timeout | undefined;
  return new Promise((resolve) => {
    const pump = () => {
      clearTimeout(timer);
      const now = performance.now();
      if (next < deliveries.length && now - dueAt(next) > GIVE_UP_BEHIND_MS) {
        result.skipped = deliveries.length - next;
        next = deliveries.length;
      }
      while (next < deliveries.length && inFlight < MAX_IN_FLIGHT && dueAt(next) <= now) send(next++);
      if (next === deliveries.length && inFlight === 0) {
        result.seconds = (performance.now() - start) / 1000;
        resolve(result);
      } else if (next < deliveries.length && inFlight < MAX_IN_FLIGHT) {
        timer = setTimeout(pump, Math.max(0, dueAt(next) - now));
      }
    };
    const send = (index: number) => {
      const delivery = deliveries[index]!;
      inFlight += 1;
      void post(target, delivery).then((status) => {
        record(result, delivery, status, performance.now() - dueAt(index));
        inFlight -= 1;
        pump();
      });
    };
    timer = setTimeout(pump, 5);
  });
}

/** Closed loop: `connections` senders, each sending its next delivery as soon as the last is answered, for at most `seconds`. */
export async function sendAsFastAsAnswered(target: Target, deliveries: PreparedDelivery[], connections: number, seconds: number): Promise<PhaseResult> {
  const result = newResult(0);
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let next = 0;
  const lane = async () => {
    while (next < deliveries.length && performance.now() < deadline) {
      const delivery = deliveries[next++]!;
      result.offered += 1;
      const sent = performance.now();
      record(result, delivery, await post(target, delivery), performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: connections }, lane));
  result.seconds = (performance.now() - start) / 1000;
  return result;
}
