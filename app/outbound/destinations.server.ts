import { isIP } from "node:net";
import type { WebhookDestination } from "@prisma/client";
import { config } from "~/config.server";
import type { Db } from "~/db/client.server";
import { looksMasked, maskSecret, openSecret, sealSecret, SecretBoxError } from "~/lib/secret-box.server";
import {
  createDestinationRecord,
  findDestinationRecord,
  listDestinationRecords,
  replaceSigningSecret,
  storedEvents,
  storedHeaders,
  updateDestinationRecord,
  type StoredHeader,
} from "~/models/webhook-destination.server";
import { createAddressPolicy } from "./address-policy";
import { validateDestinationInput, type DestinationInput, type FieldErrors, type HeaderInput, type ValidDestination } from "./destination-input";
import { generateSigningSecret } from "./standard-webhooks";

/** A destination as the admin shows it: secret header values and the signing secret only as "••••1a2b". */
export interface DestinationView {
  id: number;
  name: string;
  url: string;
  method: string;
  headers: HeaderInput[];
  payloadTemplate: string;
  preset: string | null;
  events: string[];
  followRedirects: boolean;
  enabled: boolean;
  signingSecretHint: string;
  consecutiveFailures: number;
  pausedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const addressPolicy = createAddressPolicy(config.webhooks);

export type DestinationSaved = { destination: DestinationView };

export async function createDestination(db: Db, shop: string, input: DestinationInput): Promise<DestinationSaved | FieldErrors> {
  const checked = await check(input, []);
  if ("fieldErrors" in checked) return checked;
  const record = await createDestinationRecord(db, shop, sealed(checked), sealSecret(generateSigningSecret()));
  return { destination: view(record) };
}

/**
 * Saves the edited destination. A secret header sent back with the mask it was shown keeps its
 * stored value, so a form can round-trip without ever holding the secret. Null when the shop has no
 * such destination.
 */
export async function updateDestination(db: Db, shop: string, id: number, input: DestinationInput): Promise<DestinationSaved | FieldErrors | null> {
  const existing = await findDestinationRecord(db, shop, id);
  if (!existing) return null;
  const checked = await check(input, storedHeaders(existing.headers));
  if ("fieldErrors" in checked) return checked;
  if (!(await updateDestinationRecord(db, shop, id, sealed(checked)))) return null;
  return { destination: view((await findDestinationRecord(db, shop, id))!) };
}

export async function listDestinations(db: Db, shop: string): Promise<DestinationView[]> {
  return (await listDestinationRecords(db, shop)).map(view);
}

export async function getDestination(db: Db, shop: string, id: number): Promise<DestinationView | null> {
  const record = await findDestinationRecord(db, shop, id);
  return record && view(record);
}

/** A new signing secret, in force from the next attempt; the receiver must be given it (see revealSigningSecret). */
export async function rotateSigningSecret(db: Db, shop: string, id: number): Promise<DestinationView | null> {
  if (!(await replaceSigningSecret(db, shop, id, sealSecret(generateSigningSecret())))) return null;
  return getDestination(db, shop, id);
}

/**
 * The whole signing secret, for the merchant's deliberate "Reveal" action: their receiver cannot
 * verify signatures without it. No other function returns it.
 */
export async function revealSigningSecret(db: Db, shop: string, id: number): Promise<string | null> {
  const record = await findDestinationRecord(db, shop, id);
  return record && openSecret(record.signingSecret);
}

/** What signing and sending need, decrypted: for the delivery worker, never for display. */
export interface DestinationSecrets {
  signingSecret: string;
  headers: Record<string, string>;
  /** Headers holding credentials, not to be followed to another origin. */
  secretHeaderNames: string[];
}

export function openDestinationSecrets(record: Pick<WebhookDestination, "signingSecret" | "headers">): DestinationSecrets {
  const headers = storedHeaders(record.headers);
  return {
    signingSecret: openSecret(record.signingSecret),
    headers: Object.fromEntries(headers.map((header) => [header.name, header.secret ? openSecret(header.value) : header.value])),
    secretHeaderNames: headers.filter((header) => header.secret).map((header) => header.name),
  };
}

async function check(input: DestinationInput, stored: StoredHeader[]): Promise<ValidDestination | FieldErrors> {
  const fieldErrors: Record<string, string> = {};
  const headers = (input.headers ?? []).map((header, index) => {
    if (!looksMasked(header.value)) return header;
    const kept = keptSecret(header, stored);
    if (kept === null) fieldErrors[`headers.${index}.value`] = "Enter the value again: there is no stored secret to keep for this header";
    return { ...header, value: kept ?? "", secret: true };
  });
  const result = await validateDestinationInput({ ...input, headers });
  const addressProblem = literalAddressProblem(input.url);
  if (addressProblem) fieldErrors.url ??= addressProblem;
  if (!result.ok) return { fieldErrors: { ...result.fieldErrors, ...fieldErrors } };
  return Object.keys(fieldErrors).length ? { fieldErrors } : result.destination;
}

/** The stored secret's value when the form sent back exactly the mask shown for that header. */
function keptSecret(header: HeaderInput, stored: StoredHeader[]): string | null {
  const match = stored.find((candidate) => candidate.secret && candidate.name.toLowerCase() === header.name.trim().toLowerCase());
  const value = match && readable(match.value);
  return value && maskSecret(value) === header.value.trim() ? value : null;
}

/** The secret, or null when it no longer opens (ENCRYPTION_KEY changed): the merchant re-enters it. */
function readable(sealed: string): string | null {
  try {
    return openSecret(sealed);
  } catch (error) {
    if (error instanceof SecretBoxError) return null;
    throw error;
  }
}

/** The mask of a stored secret; one that no longer opens still shows as set, without a hint. */
function hint(sealed: string): string {
  const value = readable(sealed);
  return value === null ? maskSecret("") : maskSecret(value);
}

/**
 * A URL naming a refused address outright can be turned down while the merchant is typing it; host
 * names are checked on every connection instead, where DNS answers cannot change after the check.
 */
function literalAddressProblem(address: string): string | null {
  const url = URL.parse(address.trim());
  if (!url) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (addressPolicy.refusesHostname(host)) return "Destinations cannot reach cloud metadata hosts";
  const refusal = isIP(host) ? addressPolicy.refusal(host) : null;
  return refusal ? `Destinations cannot reach ${host}: it is ${refusal}` : null;
}

function sealed(destination: ValidDestination) {
  return {
    ...destination,
    headers: destination.headers.map((header) => (header.secret ? { ...header, value: sealSecret(header.value) } : header)),
  };
}

function view(record: WebhookDestination): DestinationView {
  return {
    id: record.id,
    name: record.name,
    url: record.url,
    method: record.method,
    headers: storedHeaders(record.headers).map((header) => ({ ...header, value: header.secret ? hint(header.value) : header.value })),
    payloadTemplate: record.payloadTemplate,
    preset: record.preset,
    events: storedEvents(record.events),
    followRedirects: record.followRedirects,
    enabled: record.enabled,
    signingSecretHint: hint(record.signingSecret),
    consecutiveFailures: record.consecutiveFailures,
    pausedUntil: record.pausedUntil,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
