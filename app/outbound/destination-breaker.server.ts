import type { Db } from "~/db/client.server";
import { closeBreaker, readBreaker, transitionBreaker } from "~/models/webhook-destination.server";
import { afterFailure, breakerPosition, probing } from "./circuit-breaker";

/** Whether a delivery may go out now: as an ordinary attempt, as the probe, or not before `until`. */
export type Gate = { go: true; probe: boolean } | { go: false; until: Date; consecutiveFailures: number };

/**
 * Asks the destination's breaker before an attempt. When the cool-down is over, exactly one caller
 * wins the probe (a conditional update); everyone else waits for its verdict.
 */
export async function passBreaker(db: Db, shop: string, destinationId: number, now: Date): Promise<Gate> {
  for (;;) {
    const state = await readBreaker(db, shop, destinationId);
    if (!state) return { go: true, probe: false };
    const position = breakerPosition(state, now);
    if (position === "closed") return { go: true, probe: false };
    if (position === "open") return { go: false, until: state.pausedUntil!, consecutiveFailures: state.consecutiveFailures };
    if (await transitionBreaker(db, shop, destinationId, state, probing(state, now))) return { go: true, probe: true };
  }
}

/**
 * Tells the breaker how the attempt went. Returns a note for the attempt log when this failure
 * opened (or re-opened) it, so the merchant can see why deliveries stopped.
 */
export async function reportToBreaker(db: Db, shop: string, destinationId: number, { delivered, probe }: { delivered: boolean; probe: boolean }, now: Date): Promise<string | null> {
  if (delivered) {
    await closeBreaker(db, shop, destinationId);
    return null;
  }
  for (;;) {
    const state = await readBreaker(db, shop, destinationId);
    const next = state && afterFailure(state, now, { probe });
    if (!state || !next) return null;
    if (await transitionBreaker(db, shop, destinationId, state, next)) {
      return next.pausedUntil
        ? `Destination paused until ${next.pausedUntil.toISOString()} after ${next.consecutiveFailures} consecutive failed attempts${probe ? " (the probe failed)" : ""}`
        : null;
    }
  }
}
