import { createHmac, randomUUID } from "node:crypto";
import type { ActionFunctionArgs } from "@remix-run/node";
import { API_SECRET_KEY, APP_URL, TEST_SHOP } from "@shopify/shopify-api/test-helpers";

const ROUTES = {
  "checkouts/create": () => import("~/routes/webhooks.checkouts.create"),
  "checkouts/update": () => import("~/routes/webhooks.checkouts.update"),
  "orders/create": () => import("~/routes/webhooks.orders.create"),
  "app/uninstalled": () => import("~/routes/webhooks.app.uninstalled"),
  "customers/data_request": () => import("~/routes/webhooks.customers.data_request"),
  "customers/redact": () => import("~/routes/webhooks.customers.redact"),
  "shop/redact": () => import("~/routes/webhooks.shop.redact"),
};

export type Topic = keyof typeof ROUTES;

export interface DeliveryOptions {
  shop?: string;
  webhookId?: string;
  /** Signs with another secret, as a forger would. */
  secret?: string;
  /** Sends no X-Shopify-Hmac-Sha256 header at all. */
  unsigned?: boolean;
  /** The X-Shopify-Topic header, when it should differ from the route's topic. */
  topicHeader?: string;
  /** Replaces headers after signing (null removes one), as a broken or hostile sender would. */
  headers?: Record<string, string | null>;
  /** Another method than the POST Shopify always uses. */
  method?: string;
}

/**
 * A webhook request exactly as Shopify sends it: raw JSON body, base64 HMAC-SHA256 of it, and Shopify's
 * headers. A body given as bytes is sent and signed as those bytes, whatever their encoding.
 */
export function signedWebhookRequest(topic: string, body: unknown, options: DeliveryOptions = {}): Request {
  const raw = body instanceof Uint8Array || typeof body === "string" ? body : JSON.stringify(body);
  const headers = new Headers({
    "Content-Type": "application/json",
    "X-Shopify-Topic": options.topicHeader ?? topic,
    "X-Shopify-Shop-Domain": options.shop ?? TEST_SHOP,
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
    "X-Shopify-Event-Id": randomUUID(),
    "X-Shopify-Triggered-At": new Date().toISOString(),
  });
  if (!options.unsigned) {
    headers.set("X-Shopify-Hmac-Sha256", createHmac("sha256", options.secret ?? API_SECRET_KEY).update(raw).digest("base64"));
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return new Request(`${APP_URL}/webhooks/${topic}`, { method: options.method ?? "POST", headers, body: typeof raw === "string" ? raw : Uint8Array.from(raw) });
}

type RouteModule = { action: (args: ActionFunctionArgs) => Promise<Response> };
// Loaded once per topic: a dynamic import costs more than a rejected delivery, which the fuzz test makes by the thousand.
const loadedRoutes = new Map<Topic, Promise<RouteModule>>();

/** Hands a request to the app's route for the topic, as the HTTP server would. */
export async function deliverWebhookRequest(topic: Topic, request: Request): Promise<Response> {
  if (!loadedRoutes.has(topic)) loadedRoutes.set(topic, ROUTES[topic]());
  const route = await loadedRoutes.get(topic)!;
  return route.action({ request, params: {}, context: {} });
}

/** Delivers a signed webhook to the app's route for that topic, as Shopify would. */
export function deliverWebhook(topic: Topic, body: unknown, options: DeliveryOptions = {}): Promise<Response> {
  return deliverWebhookRequest(topic, signedWebhookRequest(topic, body, options));
}

export interface ServerAnswer {
  status: number;
  /** What the route threw, when it did. */
  error?: unknown;
}

/** What the HTTP server answers: the route's response, or the 500 Remix makes of a resource route that throws. */
export async function serverAnswer(response: Promise<Response>): Promise<ServerAnswer> {
  try {
    return { status: (await response).status };
  } catch (error) {
    return { status: 500, error };
  }
}
