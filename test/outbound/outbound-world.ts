import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { db } from "~/db/client.server";
import type { DestinationInput } from "~/outbound/destination-input";
import { createDestination, revealSigningSecret, type DestinationView } from "~/outbound/destinations.server";
import { createOutboundHttp } from "~/outbound/outbound-http.server";
import { PRESETS } from "~/outbound/presets";
import type { WebhookReceiver } from "../doubles/webhook-receiver";

/** The merchant's endpoint as its URL names it; the tests' resolver points it at the local receiver. */
export const MERCHANT_HOST = "merchant.example";

export function merchantUrl(receiver: WebhookReceiver, path = "/hooks"): string {
  return `http://${MERCHANT_HOST}:${new URL(receiver.origin).port}${path}`;
}

/**
 * The real SSRF-safe client, as production configures it except that 127.0.0.1 is listed in
 * allowedAddresses (the receiver runs there) and merchant.example resolves to it.
 */
export function testHttp({ timeoutMs }: { timeoutMs?: number } = {}) {
  return createOutboundHttp({
    allowPrivateNetworks: false,
    allowedAddresses: ["127.0.0.1"],
    timeoutMs,
    resolve: async (hostname) => (hostname === MERCHANT_HOST ? [{ address: "127.0.0.1", family: 4 }] : []),
  });
}

/** A destination pointing at the receiver, made through the real validation, whose secret the receiver verifies with. */
export async function createReceiverDestination(receiver: WebhookReceiver, overrides: Partial<DestinationInput> = {}, shop = TEST_SHOP): Promise<DestinationView> {
  const result = await createDestination(db, shop, {
    name: "CRM",
    url: merchantUrl(receiver),
    payloadTemplate: PRESETS.generic.template,
    preset: "generic",
    headers: [
      { name: "X-Api-Key", value: "crm-key-0123456789", secret: true },
      { name: "X-Source", value: "comeback", secret: false },
    ],
    ...overrides,
  });
  if ("fieldErrors" in result) throw new Error(`invalid destination: ${JSON.stringify(result.fieldErrors)}`);
  receiver.useSecret((await revealSigningSecret(db, shop, result.destination.id))!);
  return result.destination;
}

/** The instant tests deliver at, moved by hand. */
export function testClock(start: string) {
  let now = new Date(start);
  return {
    clock: () => now,
    set(at: Date | string) {
      now = new Date(at);
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}
