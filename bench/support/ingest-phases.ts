import type { PreparedDelivery } from "./checkout-deliveries";
import { closeTarget, loadTarget, offerAtFixedRate, sendAsFastAsAnswered, type PhaseResult, type Target } from "./load-generator";

export interface IngestPlan {
  /** Fixed rates to hold, per second. */
  rates: number[];
  /** How long each phase lasts. */
  seconds: number;
  /** Concurrent connections of the closed-loop phase that finds the sustained maximum. */
  connections: number;
}

export interface IngestPhase {
  name: string;
  /** The rate offered, per second; null for the closed loop. */
  rate: number | null;
  result: PhaseResult;
  /** CPU the server process used per delivery sent, in ms (null where it cannot be read). */
  serverCpuMs: number | null;
}

export interface IngestServer {
  url: string;
  /** The server's CPU time so far in ms, or null. */
  cpuMs(): number | null;
}

const WARM_UP = { rate: 300, seconds: 3 };
/** Deliveries prepared for the closed loop, per second it may last: above what either server reaches here. */
const CLOSED_LOOP_PER_SECOND = 6_000;

/**
 * One server's run: a short unreported warm-up (JIT, page cache), each fixed rate in turn, then the
 * closed loop. Deliveries are prepared before each phase, `prepare(count, label)`, so signing costs
 * nothing while the clock runs; each phase opens connections of its own, so none has gone stale.
 */
export async function runIngestPhases(
  server: IngestServer,
  plan: IngestPlan,
  prepare: (count: number, label: string) => Promise<PreparedDelivery[]>,
): Promise<{ warmUp: PhaseResult; phases: IngestPhase[] }> {
  const measured = async (name: string, rate: number | null, run: (target: Target) => Promise<PhaseResult>): Promise<IngestPhase> => {
    const target = loadTarget(server.url);
    const cpuBefore = server.cpuMs();
    const result = await run(target);
    const cpuAfter = server.cpuMs();
    closeTarget(target);
    const serverCpuMs = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / Math.max(1, result.offered - result.skipped);
    return { name, rate, result, serverCpuMs };
  };
  const warmUpDeliveries = await prepare(WARM_UP.rate * WARM_UP.seconds, "warm-up");
  const warmUp = await measured("warm-up", WARM_UP.rate, (target) => offerAtFixedRate(target, warmUpDeliveries, WARM_UP.rate));
  const phases: IngestPhase[] = [];
  for (const rate of plan.rates) {
    const deliveries = await prepare(rate * plan.seconds, `rate-${rate}`);
    phases.push(await measured(`${rate}/s`, rate, (target) => offerAtFixedRate(target, deliveries, rate)));
  }
  const deliveries = await prepare(CLOSED_LOOP_PER_SECOND * plan.seconds, "closed-loop");
  phases.push(await measured(`max, ${plan.connections} conns`, null, (target) => sendAsFastAsAnswered(target, deliveries, plan.connections, plan.seconds)));
  return { warmUp: warmUp.result, phases };
}

/** Answers per second over the phase. */
export const achieved = (phase: IngestPhase) => phase.result.ok / phase.result.seconds;

/** A fixed rate is sustained when every delivery was answered 200 and the answers kept pace (within 3 %). */
export const keptUp = (phase: IngestPhase) => phase.result.failed + phase.result.skipped === 0 && phase.rate !== null && achieved(phase) >= phase.rate * 0.97;
