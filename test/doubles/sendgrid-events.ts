import { generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import type { ActionFunctionArgs } from "@remix-run/node";
import { EventWebhookHeader } from "@sendgrid/eventwebhook";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";

export interface EventSigner {
  /** As SendGrid shows the verification key: base64 DER SubjectPublicKeyInfo, no PEM armour. */
  publicKey: string;
  /** Base64 DER ECDSA signature of `timestamp + rawBody`, as in X-Twilio-Email-Event-Webhook-Signature. */
  sign(timestamp: string, rawBody: string): string;
}

/** A fresh P-256 key pair standing in for the one SendGrid generates when signing is turned on. */
export function createEventSigner(): EventSigner {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return {
    publicKey: publicKey.export({ format: "der", type: "spki" }).toString("base64"),
    sign: (timestamp, rawBody) => signWith(privateKey, timestamp, rawBody),
  };
}

function signWith(privateKey: KeyObject, timestamp: string, rawBody: string): string {
  return sign("sha256", Buffer.from(timestamp + rawBody), privateKey).toString("base64");
}

/** SendGrid's own layout: one event per line, separated by `,\r\n`, and a trailing `\r\n` that is signed too. */
export function eventBody(events: object[]): string {
  return `[${events.map((event) => JSON.stringify(event)).join(",\r\n")}]\r\n`;
}

export interface EventPostOptions {
  timestamp?: string;
  /** Overrides the computed signature; null sends no signature header. */
  signature?: string | null;
  /** Leaves out the timestamp header. */
  withoutTimestamp?: boolean;
}

/** A POST exactly as SendGrid's Event Webhook makes it. `body` is an event list or an already serialized body. */
export function signedEventRequest(signer: EventSigner, body: object[] | string, options: EventPostOptions = {}): Request {
  const rawBody = typeof body === "string" ? body : eventBody(body);
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const signature = options.signature === undefined ? signer.sign(timestamp, rawBody) : options.signature;
  const headers = new Headers({ "Content-Type": "application/json", "User-Agent": "SendGrid Event API" });
  if (signature !== null) headers.set(EventWebhookHeader.SIGNATURE(), signature);
  if (!options.withoutTimestamp) headers.set(EventWebhookHeader.TIMESTAMP(), timestamp);
  return new Request("https://comeback.example/sendgrid/events", { method: "POST", headers, body: rawBody });
}

/** Delivers the request to the app's Event Webhook route, as SendGrid would. */
export async function postToEventWebhook(request: Request): Promise<Response> {
  const route = await import("~/routes/sendgrid.events");
  const args: ActionFunctionArgs = { request, params: {}, context: {} };
  return route.action(args);
}

export interface EventTarget {
  stepRunId: number;
  shop?: string;
}

/**
 * One event as SendGrid reports it for a message we sent: its common fields, our custom args
 * (shop, enrollment_id, step_run_id, step) as top-level string keys, and the event's own fields.
 */
export function sendgridEvent(event: string, target: EventTarget, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    email: "ann@example.com",
    timestamp: 1795300412,
    event,
    "smtp-id": "<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>",
    sg_event_id: randomBytes(16).toString("base64url"),
    sg_message_id: "LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0",
    category: ["abandoned-checkout", "step-1"],
    shop: target.shop ?? TEST_SHOP,
    enrollment_id: "1",
    step_run_id: String(target.stepRunId),
    step: "1",
    ...fields,
  };
}
