import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { action as testSend } from "~/routes/app.settings.destinations.$id.test-send";
import { loader as edit } from "~/routes/app.settings.destinations.$id";
import type { DestinationPage } from "~/settings/destination-page.server";
import { createCheckout } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { createReceiverDestination } from "../outbound/outbound-world";
import { answer, pageRequest, postRequest } from "../settings/admin-requests";
import { resetDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";
import { useWebhookReceiver } from "../support/webhook-receiver";

// The receiver listens on loopback: let the app's own SSRF-safe client reach it, as development does.
vi.hoisted(() => {
  process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS = "true";
});

const receiver = useWebhookReceiver();
beforeEach(async () => {
  await resetDatabase();
  await createShop();
  await storeOfflineSession();
});

const send = async (destinationId: number, checkoutId: number) =>
  answer(testSend, await postRequest(`/app/settings/destinations/${destinationId}/test-send`, { form: { checkoutId: String(checkoutId) } }), { id: String(destinationId) });

describe("a test send from the destination page", () => {
  it("delivers once to the endpoint and shows the status code, latency and answer", async () => {
    const destination = await createReceiverDestination(receiver, { url: receiver.url });
    const checkout = await createCheckout();

    expect(await send(destination.id, checkout.id)).toMatchObject({
      status: 200,
      body: { ok: true, report: { status: "delivered", statusCode: 200, latencyMs: expect.any(Number), error: null, responseBody: '{"received":true}', responseTruncated: false } },
    });
    expect(receiver.accepted).toHaveLength(1);
    expect(JSON.parse(receiver.accepted[0]!.body)).toMatchObject({ type: "test", data: { checkout: { token: checkout.token } } });
  });

  it("shows what a refusing endpoint said, without retrying", async () => {
    const destination = await createReceiverDestination(receiver, { url: receiver.url });
    const checkout = await createCheckout();
    receiver.respondAlways({ kind: "status", status: 500, body: "upstream down" });

    expect((await send(destination.id, checkout.id)).body).toMatchObject({
      ok: true,
      report: { status: "failed", statusCode: 500, error: "HTTP 500", responseBody: "upstream down" },
    });
    expect(receiver.requests).toHaveLength(1);
  });

  it("lands in the destination's delivery log with its attempt", async () => {
    const destination = await createReceiverDestination(receiver, { url: receiver.url });
    const checkout = await createCheckout();
    await send(destination.id, checkout.id);

    const page = (await answer(edit, await pageRequest(`/app/settings/destinations/${destination.id}`), { id: String(destination.id) })).body as DestinationPage;
    expect(page.deliveries).toEqual([
      expect.objectContaining({
        event: "test",
        status: "delivered",
        messageId: receiver.accepted[0]!.messageId,
        attempts: [expect.objectContaining({ statusCode: 200, error: null, latencyMs: expect.any(Number) })],
      }),
    ]);
    expect(await db.webhookDelivery.count()).toBe(1);
  });
});
