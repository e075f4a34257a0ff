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
}

/** A webhook request exactly as Shopify sends it: raw JSON body, base64 HMAC-SHA256 of it, and Shopify's headers. */
export function signedWebhookRequest(topic: string, body: unknown, options: DeliveryOptions = {}): Request {
  const raw = typeof body === "string" ? body : JSON.stringify(body);
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
  return new Request(`${APP_URL}/webhooks/${topic}`, { method: "POST", headers, body: raw });
}

/** Delivers a signed webhook to the app's route for that topic, as Shopify would. */
export async function deliverWebhook(topic: Topic, body: unknown, options: DeliveryOptions = {}): Promise<Response> {
  const route = await ROUTES[topic]();
  const args: ActionFunctionArgs = { request: signedWebhookRequest(topic, body, options), params: {}, context: {} };
  return route.action(args);
}
