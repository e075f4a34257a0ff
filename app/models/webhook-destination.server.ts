import type { Prisma } from "@prisma/client";
import type { Db } from "~/db/client.server";
import type { BreakerState } from "~/outbound/circuit-breaker";

/** A header as stored: `value` is sealed (secret-box) when `secret`. */
export interface StoredHeader {
  name: string;
  value: string;
  secret: boolean;
}

export interface DestinationFields {
  name: string;
  url: string;
  method: string;
  headers: StoredHeader[];
  payloadTemplate: string;
  preset: string | null;
  events: string[];
  followRedirects: boolean;
  enabled: boolean;
}

export function createDestinationRecord(db: Db, shop: string, fields: DestinationFields, sealedSigningSecret: string) {
  return db.webhookDestination.create({ data: { shop, ...json(fields), signingSecret: sealedSigningSecret } });
}

export async function updateDestinationRecord(db: Db, shop: string, id: number, fields: DestinationFields): Promise<boolean> {
  const { count } = await db.webhookDestination.updateMany({ where: { id, shop }, data: json(fields) });
  return count === 1;
}

export async function replaceSigningSecret(db: Db, shop: string, id: number, sealedSigningSecret: string): Promise<boolean> {
  const { count } = await db.webhookDestination.updateMany({ where: { id, shop }, data: { signingSecret: sealedSigningSecret } });
  return count === 1;
}

export function findDestinationRecord(db: Db, shop: string, id: number) {
  return db.webhookDestination.findFirst({ where: { id, shop } });
}

export function listDestinationRecords(db: Db, shop: string) {
  return db.webhookDestination.findMany({ where: { shop }, orderBy: { id: "asc" } });
}

/** Enabled destinations subscribed to the event; the list is a JSON column, so it is matched here. */
export async function destinationsSubscribedTo(db: Db, shop: string, event: string) {
  const enabled = await db.webhookDestination.findMany({ where: { shop, enabled: true }, orderBy: { id: "asc" } });
  return enabled.filter((destination) => storedEvents(destination.events).includes(event));
}

export function storedHeaders(headers: Prisma.JsonValue): StoredHeader[] {
  return Array.isArray(headers) ? (headers as unknown as StoredHeader[]) : [];
}

export function storedEvents(events: Prisma.JsonValue): string[] {
  return Array.isArray(events) ? events.filter((event): event is string => typeof event === "string") : [];
}

/**
 * Moves the breaker from the state the caller read to the next one. Conditional on the read state,
 * so of two workers judging the same destination at once only one transition happens; the loser
 * reads again. False when the state had changed.
 */
export async function transitionBreaker(db: Db, shop: string, id: number, from: BreakerState, to: BreakerState): Promise<boolean> {
  const { count } = await db.webhookDestination.updateMany({
    where: { id, shop, consecutiveFailures: from.consecutiveFailures, pausedUntil: from.pausedUntil },
    data: { consecutiveFailures: to.consecutiveFailures, pausedUntil: to.pausedUntil },
  });
  return count === 1;
}

/** A delivered attempt proves the endpoint works: the breaker closes, whatever it was. */
export async function closeBreaker(db: Db, shop: string, id: number): Promise<void> {
  await db.webhookDestination.updateMany({ where: { id, shop }, data: { consecutiveFailures: 0, pausedUntil: null } });
}

export function readBreaker(db: Db, shop: string, id: number): Promise<BreakerState | null> {
  return db.webhookDestination.findFirst({ where: { id, shop }, select: { consecutiveFailures: true, pausedUntil: true } });
}

function json(fields: DestinationFields) {
  return { ...fields, headers: fields.headers as unknown as Prisma.InputJsonArray, events: fields.events };
}
