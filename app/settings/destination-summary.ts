import type { DestinationView } from "~/outbound/destinations.server";

/** One line of the destinations list. */
export type DestinationSummary = {
  id: number;
  name: string;
  /** Where deliveries go, without the path, which may carry a token. */
  host: string;
  events: string[];
  enabled: boolean;
  /** ISO time the circuit breaker holds deliveries until; null when it is not holding them. */
  pausedUntil: string | null;
};

export function summarizeDestination(destination: Pick<DestinationView, "id" | "name" | "url" | "events" | "enabled" | "pausedUntil">, now: Date): DestinationSummary {
  const { id, name, url, events, enabled, pausedUntil } = destination;
  return {
    id,
    name,
    host: URL.parse(url)?.host ?? url,
    events,
    enabled,
    pausedUntil: heldUntil(pausedUntil, now),
  };
}

/** The breaker's pause as shown: an ISO time while it lasts, null once it has passed. */
export function heldUntil(pausedUntil: Date | null, now: Date): string | null {
  return pausedUntil && pausedUntil > now ? pausedUntil.toISOString() : null;
}
