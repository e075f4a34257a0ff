import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "~/lib/logger.server";
import { appUninstalled } from "./app-lifecycle.server";
import { checkoutsCreate, checkoutsUpdate } from "./checkouts.server";
import { customersDataRequest, customersRedact, shopRedact } from "./compliance.server";
import { ordersCreate } from "./orders.server";
import { receiveWebhook, type IncomingWebhook, type WebhookAnswer } from "./receive.server";

type Receiver = (incoming: IncomingWebhook) => Promise<WebhookAnswer>;

/** The paths shopify.app.toml subscribes, the same as the Remix routes under app/routes/webhooks.*. */
const RECEIVERS = new Map<string, Receiver>([
  ["/webhooks/checkouts/create", (incoming) => receiveWebhook(incoming, checkoutsCreate)],
  ["/webhooks/checkouts/update", (incoming) => receiveWebhook(incoming, checkoutsUpdate)],
  ["/webhooks/orders/create", (incoming) => receiveWebhook(incoming, ordersCreate)],
  ["/webhooks/app/uninstalled", (incoming) => receiveWebhook(incoming, appUninstalled)],
  ["/webhooks/customers/data_request", (incoming) => receiveWebhook(incoming, customersDataRequest)],
  ["/webhooks/customers/redact", (incoming) => receiveWebhook(incoming, customersRedact)],
  ["/webhooks/shop/redact", (incoming) => receiveWebhook(incoming, shopRedact)],
]);

/** Far above any payload Shopify sends; a body past it is refused before it is read whole. */
export const MAX_WEBHOOK_BODY_BYTES = 5 * 1024 * 1024;

/**
 * Answers Shopify's webhooks straight from Node's HTTP server, ahead of Express and Remix, which
 * cost several times what storing a checkout does; false for any other request. The answers are the
 * Remix routes' own: both call receiveWebhook.
 */
export function answerWebhookOutsideRemix(request: IncomingMessage, response: ServerResponse): boolean {
  const receive = RECEIVERS.get((request.url ?? "").split("?", 1)[0]!);
  if (!receive) return false;
  readBody(request)
    .then((body) =>
      body === TOO_LARGE
        ? { status: 413, message: `Webhook bodies are limited to ${MAX_WEBHOOK_BODY_BYTES} bytes` }
        : receive({ method: request.method ?? "", headers: nodeHeaders(request), body }),
    )
    .then(
      (answer) => send(response, answer),
      (error: unknown) => {
        logger.error("Webhook request failed", { url: request.url, error });
        send(response, { status: 500, message: "Not stored, please retry" });
      },
    );
  return true;
}

const TOO_LARGE = Symbol("too large");

function readBody(request: IncomingMessage): Promise<Uint8Array | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    request.on("data", (chunk: Buffer) => {
      length += chunk.length;
      if (length > MAX_WEBHOOK_BODY_BYTES) {
        request.removeAllListeners("data").resume();
        resolve(TOO_LARGE);
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks, length)));
    request.on("error", reject);
  });
}

function nodeHeaders(request: IncomingMessage) {
  return {
    get(name: string): string | null {
      const value = request.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : (value ?? null);
    },
  };
}

function send(response: ServerResponse, { status, message }: WebhookAnswer): void {
  if (message) response.writeHead(status, { "Content-Type": "text/plain", "Content-Length": Buffer.byteLength(message) }).end(message);
  else response.writeHead(status, { "Content-Length": 0 }).end();
}
