import type { Prisma } from "@prisma/client";
import type { ActivityKind } from "~/recovery/activity";

/** The webhook-action ledger's part of the story: a queued delivery, each attempt, and giving up. */
export type DeliveryKind = "delivery_queued" | "delivery_attempt" | "delivery_dead";
export type TimelineKind = ActivityKind | DeliveryKind;

export interface TimelineOrder {
  name: string | null;
  totalPrice: string;
  currency: string;
  /** "clicked" or "after_email" when the order is credited to a message. */
  attribution: string | null;
}

/** One line of a checkout's timeline, plain and serializable; the page words it in the admin's language. */
export interface TimelineEntry {
  key: string;
  at: string;
  kind: TimelineKind;
  /** An engine code (skip, stop, defer, failure…), a survey answer, or a provider's own words for bounces and drops. */
  reason?: string;
  step?: { position: number; channel: string };
  /** Deferred or retried until, or a discount's end. */
  until?: string;
  /** A provider's or endpoint's own words. */
  error?: string;
  topic?: string;
  order?: TimelineOrder;
  sequenceVersion?: number;
  holdout?: boolean;
  previousAnswer?: string;
  discount?: { code: string; kind?: string; value?: string };
  delivery?: { destination: string; event: string; statusCode?: number; latencyMs?: number };
}

export interface ActivityRecord {
  id: number;
  kind: string;
  reason: string | null;
  detail: Prisma.JsonValue;
  at: Date;
  stepRunId: number | null;
}

export interface DeliveryRecord {
  id: number;
  event: string;
  createdAt: Date;
  deadAt: Date | null;
  lastError: string | null;
  destination: { name: string };
  attemptLog: { id: number; attemptedAt: Date; statusCode: number | null; latencyMs: number; error: string | null }[];
}

export interface TimelineSources {
  activities: ActivityRecord[];
  deliveries: DeliveryRecord[];
  orders: (TimelineOrder & { id: number })[];
  stepRuns: { id: number; position: number; channel: string }[];
}

/**
 * Everything that happened to a checkout, oldest first: its activity rows merged with the webhook
 * deliveries made about it and their attempts. Entries at the same instant keep the order they were
 * recorded in, activities before deliveries.
 */
export function buildTimeline({ activities, deliveries, orders, stepRuns }: TimelineSources): TimelineEntry[] {
  const runs = new Map(stepRuns.map((run) => [run.id, run]));
  const ordersById = new Map(orders.map(({ id, ...order }) => [id, order]));
  const entries = [
    ...activities.map((activity) => activityEntry(activity, runs, ordersById)),
    ...deliveries.flatMap(deliveryEntries),
  ];
  // ISO strings of one format sort as the instants they name; the sort is stable.
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** Orders the activities name, to be read with them. */
export function orderIdsIn(activities: ActivityRecord[]): number[] {
  return activities.flatMap((activity) => numberField(activity.detail, "orderId") ?? []);
}

/** The time an entry points to: a deferral's or retry's next attempt, a discount's end. */
export function untilIn(detail: Prisma.JsonValue): string | undefined {
  return textField(detail, "until") ?? textField(detail, "retryAt") ?? textField(detail, "endsAt");
}

export function stepRunIdsIn(activities: ActivityRecord[]): number[] {
  return [...new Set(activities.flatMap((activity) => activity.stepRunId ?? []))];
}

function activityEntry(activity: ActivityRecord, runs: Map<number, TimelineSources["stepRuns"][number]>, orders: Map<number, TimelineOrder>): TimelineEntry {
  const { detail } = activity;
  const run = activity.stepRunId ? runs.get(activity.stepRunId) : undefined;
  const position = numberField(detail, "step") ?? run?.position;
  const orderId = numberField(detail, "orderId");
  const code = textField(detail, "code");
  return {
    key: `activity-${activity.id}`,
    at: activity.at.toISOString(),
    kind: activity.kind as ActivityKind,
    reason: activity.reason ?? undefined,
    step: position === undefined ? undefined : { position, channel: run?.channel ?? "email" },
    until: untilIn(detail),
    error: textField(detail, "error"),
    topic: textField(detail, "topic"),
    order: orderId === undefined ? undefined : orders.get(orderId),
    sequenceVersion: numberField(detail, "sequenceVersion"),
    holdout: booleanField(detail, "holdout"),
    previousAnswer: textField(detail, "previousReason"),
    discount: code ? { code, kind: textField(detail, "kind"), value: textField(detail, "value") } : undefined,
  };
}

function deliveryEntries(delivery: DeliveryRecord): TimelineEntry[] {
  const about = { destination: delivery.destination.name, event: delivery.event };
  const queued: TimelineEntry = { key: `delivery-${delivery.id}`, at: delivery.createdAt.toISOString(), kind: "delivery_queued", delivery: about };
  const attempts = delivery.attemptLog.map(
    (attempt): TimelineEntry => ({
      key: `attempt-${attempt.id}`,
      at: attempt.attemptedAt.toISOString(),
      kind: "delivery_attempt",
      error: attempt.error ?? undefined,
      delivery: { ...about, statusCode: attempt.statusCode ?? undefined, latencyMs: attempt.latencyMs },
    }),
  );
  const dead: TimelineEntry[] = delivery.deadAt
    ? [{ key: `dead-${delivery.id}`, at: delivery.deadAt.toISOString(), kind: "delivery_dead", error: delivery.lastError ?? undefined, delivery: about }]
    : [];
  return [queued, ...attempts, ...dead];
}

// Activity details are JSON the engine wrote; read each field only if it has the expected type.
function field(detail: Prisma.JsonValue, name: string): Prisma.JsonValue | undefined {
  return detail && typeof detail === "object" && !Array.isArray(detail) ? detail[name] : undefined;
}

function textField(detail: Prisma.JsonValue, name: string): string | undefined {
  const value = field(detail, name);
  return typeof value === "string" ? value : undefined;
}

function numberField(detail: Prisma.JsonValue, name: string): number | undefined {
  const value = field(detail, name);
  return typeof value === "number" ? value : undefined;
}

function booleanField(detail: Prisma.JsonValue, name: string): boolean | undefined {
  const value = field(detail, name);
  return typeof value === "boolean" ? value : undefined;
}

