import { APP_URL, TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { action, loader } from "~/routes/app.checkouts.$id";
import { sequencerServices } from "~/services.server";
import { BROWSER_USER_AGENT, embeddedDocumentRequest, sessionToken } from "../doubles/shopify-session";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload } from "../factories/payloads";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";
import { installShopWithDefaultSequence, tickAt } from "../support/sequencer";

// The page sends through the composition root's real SendGrid client, configured from the environment
// on import: point it at a local SendGrid double before the app loads.
const sendgrid = await vi.hoisted(async () => {
  const { startSendgridServer } = await import("../doubles/sendgrid-server");
  const server = await startSendgridServer();
  Object.assign(process.env, { SENDGRID_API_KEY: server.apiKey, SENDGRID_API_URL: server.apiUrl, EMAIL_FROM_ADDRESS: "hello@test-shop.example" });
  return server;
});
afterAll(() => sendgrid.close());

const OTHER_SHOP = "other-shop.myshopify.com";

/** What the route answered: its data, or the status of the Response it threw. */
async function answered<T>(call: Promise<T>): Promise<T | { thrown: number }> {
  try {
    return await call;
  } catch (thrown) {
    if (thrown instanceof Response) return { thrown: thrown.status };
    throw thrown;
  }
}

const page = async (id: number | string, shop = TEST_SHOP) =>
  answered(loader({ request: await embeddedDocumentRequest(`/app/checkouts/${id}`, { shop }), params: { id: String(id) }, context: {} }));

/** A button's POST as App Bridge makes it: the session token as a bearer, the intent form-encoded. */
async function press(id: number | string, intent: string, shop = TEST_SHOP) {
  const request = new Request(new URL(`/app/checkouts/${id}`, APP_URL), {
    method: "POST",
    headers: { Authorization: `Bearer ${await sessionToken({ shop })}`, "User-Agent": BROWSER_USER_AGENT },
    body: new URLSearchParams({ intent }),
  });
  return answered(action({ request, params: { id: String(id) }, context: {} }));
}

/** Ann's checkout, abandoned and waiting for the first email of the default sequence. */
async function enrolledCheckout() {
  await installShopWithDefaultSequence({ quietHoursStartMinute: null, quietHoursEndMinute: null });
  await deliverWebhook("checkouts/create", checkoutPayload());
  await tickAt(sequencerServices, "2026-11-20T15:55:00Z");
  return db.checkout.findFirstOrThrow({ where: { shop: TEST_SHOP } });
}

beforeEach(async () => {
  await resetDatabase();
  sendgrid.reset();
  await storeOfflineSession();
  await storeOfflineSession(OTHER_SHOP);
});

describe("GET /app/checkouts/:id", () => {
  it("shows the checkout with its timeline", async () => {
    const checkout = await enrolledCheckout();

    const answer = await page(checkout.id);

    expect(answer).toMatchObject({ detail: { checkout: { id: checkout.id, status: "abandoned" }, enrollment: { status: "active", nextStep: { position: 1 } } } });
    expect("detail" in answer && answer.detail.timeline.map((entry) => entry.kind)).toEqual(["webhook_received", "abandoned", "enrolled"]);
  });

  it("answers 404 for another shop's checkout, exactly as for an unknown or malformed id", async () => {
    const checkout = await enrolledCheckout();
    await createShop({ domain: OTHER_SHOP });

    expect(await page(checkout.id, OTHER_SHOP)).toEqual({ thrown: 404 });
    expect(await page(checkout.id + 1000)).toEqual({ thrown: 404 });
    expect(await page("abc")).toEqual({ thrown: 404 });
  });
});

describe("POST /app/checkouts/:id", () => {
  it("stops the sequence", async () => {
    const checkout = await enrolledCheckout();

    expect(await press(checkout.id, "stop")).toEqual({ intent: "stop", outcome: "stopped" });
    expect(await db.enrollment.findFirstOrThrow()).toMatchObject({ status: "stopped", stopReason: "manual" });
  });

  it("sends the next step now, through the app's own sequencer services, to SendGrid", async () => {
    const checkout = await enrolledCheckout();

    expect(await press(checkout.id, "send_now")).toEqual({ intent: "send_now", outcome: "sent", step: 1, reason: null, until: null });
    expect(sendgrid.messages.map((message) => message.body.personalizations?.[0]?.to?.[0]?.email)).toEqual(["ann@example.com"]);
    expect(await db.stepRun.findFirstOrThrow({ where: { position: 1 } })).toMatchObject({ status: "sent" });
  });

  it("answers 404 to another shop, which can neither stop nor send", async () => {
    const checkout = await enrolledCheckout();
    await createShop({ domain: OTHER_SHOP });

    expect(await press(checkout.id, "stop", OTHER_SHOP)).toEqual({ thrown: 404 });
    expect(await press(checkout.id, "send_now", OTHER_SHOP)).toEqual({ thrown: 404 });
    expect(await db.enrollment.findFirstOrThrow()).toMatchObject({ status: "active" });
    expect(await db.stepRun.findFirstOrThrow()).toMatchObject({ status: "scheduled", dueAt: new Date("2026-11-20T16:54:02Z") });
    expect(sendgrid.requestCount).toBe(0);
  });

  it("refuses an intent it does not know", async () => {
    const checkout = await enrolledCheckout();

    expect(await press(checkout.id, "delete")).toEqual({ thrown: 400 });
  });
});
