import type { recentDeliveriesTo } from "~/models/delivery-log.server";
import type { listDeadLetters } from "~/outbound/deliveries.server";

type LoggedDelivery = Awaited<ReturnType<typeof recentDeliveriesTo>>[number];
type DeadDelivery = Awaited<ReturnType<typeof listDeadLetters>>[number];

export type DeliveryAttemptEntry = { id: number; attemptedAt: string; statusCode: number | null; latencyMs: number; error: string | null };

/** One delivery of a destination's log, times as ISO strings. */
export type DeliveryLogEntry = {
  id: number;
  messageId: string;
  event: string;
  status: string;
  createdAt: string;
  /** When the next attempt is due, while the delivery waits for one. */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  deadAt: string | null;
  lastError: string | null;
  attempts: DeliveryAttemptEntry[];
};

export type DeadLetterEntry = {
  id: number;
  messageId: string;
  event: string;
  destination: { id: number; name: string };
  attempts: number;
  lastError: string | null;
  deadAt: string | null;
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function deliveryLogEntry(delivery: LoggedDelivery): DeliveryLogEntry {
  return {
    id: delivery.id,
    messageId: delivery.messageId,
    event: delivery.event,
    status: delivery.status,
    createdAt: delivery.createdAt.toISOString(),
    nextAttemptAt: delivery.status === "pending" ? delivery.nextAttemptAt.toISOString() : null,
    deliveredAt: iso(delivery.deliveredAt),
    deadAt: iso(delivery.deadAt),
    lastError: delivery.lastError,
    attempts: delivery.attemptLog.map((attempt) => ({ ...attempt, attemptedAt: attempt.attemptedAt.toISOString() })),
  };
}

export function deadLetterEntry(delivery: DeadDelivery): DeadLetterEntry {
  return {
    id: delivery.id,
    messageId: delivery.messageId,
    event: delivery.event,
    destination: delivery.destination,
    attempts: delivery.attempts,
    lastError: delivery.lastError,
    deadAt: iso(delivery.deadAt),
  };
}
