import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { answerWebhookOutsideRemix, MAX_WEBHOOK_BODY_BYTES } from "~/webhooks/node-webhooks.server";
import { signedWebhookRequest } from "../doubles/shopify-webhook";
import { checkoutPayload } from "../factories/payloads";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (!answerWebhookOutsideRemix(request, response)) response.writeHead(404).end("left to Remix");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

/** Sends a request built by the Shopify double over HTTP, to `pathname` instead of its own when given. */
async function post(request: Request, pathname = new URL(request.url).pathname + new URL(request.url).search) {
  const response = await fetch(new URL(pathname, origin), { method: request.method, headers: request.headers, body: await request.arrayBuffer() });
  return { status: response.status, text: await response.text() };
}

describe("webhooks answered outside Remix", () => {
  it("stores a signed delivery and answers 200", async () => {
    expect(await post(signedWebhookRequest("checkouts/create", checkoutPayload()))).toEqual({ status: 200, text: "" });
    expect(await db.checkout.count()).toBe(1);
  });

  it("answers as the Remix route does, refusing a forged delivery with 401 and a delivery for another topic's route with 400", async () => {
    const forged = await post(signedWebhookRequest("checkouts/create", checkoutPayload(), { secret: "forged" }));
    const misrouted = await post(signedWebhookRequest("orders/create", checkoutPayload()), "/webhooks/checkouts/update");

    expect(forged.status).toBe(401);
    expect(misrouted).toEqual({ status: 400, text: "Topic ORDERS_CREATE does not belong on this route" });
    expect(await db.webhookReceipt.count()).toBe(0);
  });

  it("answers every topic's path, whatever query string Shopify adds", async () => {
    const response = await post(signedWebhookRequest("checkouts/update", checkoutPayload()), "/webhooks/checkouts/update?attempt=2");

    expect(response.status).toBe(200);
    expect(await db.checkout.count()).toBe(1);
  });

  it("refuses a body past the limit with 413 before reading it whole", async () => {
    const huge = JSON.stringify({ ...checkoutPayload(), note: "a".repeat(MAX_WEBHOOK_BODY_BYTES) });

    const response = await post(signedWebhookRequest("checkouts/create", huge));

    expect(response.status).toBe(413);
    expect(await db.checkout.count()).toBe(0);
  });

  it("refuses another method than POST with 405", async () => {
    const response = await fetch(new URL("/webhooks/checkouts/create", origin));

    expect(response.status).toBe(405);
  });

  it("leaves every other path to Remix", async () => {
    const response = await fetch(new URL("/webhooks/checkouts", origin), { method: "POST" });

    expect(await response.text()).toBe("left to Remix");
  });
});
