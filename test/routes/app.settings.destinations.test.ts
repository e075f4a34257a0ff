import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { createDestination, openDestinationSecrets, revealSigningSecret } from "~/outbound/destinations.server";
import { PRESETS } from "~/outbound/presets";
import { action as update, loader as edit } from "~/routes/app.settings.destinations.$id";
import { action as reveal } from "~/routes/app.settings.destinations.$id.reveal-secret";
import { action as rotate } from "~/routes/app.settings.destinations.$id.rotate-secret";
import { action as testSend } from "~/routes/app.settings.destinations.$id.test-send";
import { action as create } from "~/routes/app.settings.destinations.new";
import type { DestinationForm } from "~/settings/destination-form";
import type { DestinationPage } from "~/settings/destination-page.server";
import { createCheckout } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { answer, pageRequest, postRequest } from "../settings/admin-requests";
import { resetDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";
import { useWebhookReceiver } from "../support/webhook-receiver";

const OTHER_SHOP = "other-shop.myshopify.com";
const API_KEY_VALUE = "crm-key-0123456789";

const FORM: DestinationForm = {
  name: "CRM",
  url: "https://hooks.crm.example/in",
  method: "POST",
  headers: [
    { name: "X-Api-Key", value: API_KEY_VALUE, secret: true },
    { name: "X-Source", value: "comeback", secret: false },
  ],
  payloadTemplate: PRESETS.crm.template,
  preset: "crm",
  events: ["checkout.abandoned", "cart.high_value"],
  followRedirects: false,
  enabled: true,
};

const receiver = useWebhookReceiver();
beforeEach(async () => {
  await resetDatabase();
  await createShop();
  await createShop({ domain: OTHER_SHOP });
  await storeOfflineSession();
});

const path = (id: number | string, action = "") => `/app/settings/destinations/${id}${action}`;
const params = (id: number | string) => ({ id: String(id) });
const load = async (id: number | string) => answer(edit, await pageRequest(path(id)), params(id));
const page = async (id: number) => (await load(id)).body as DestinationPage;
const save = async (id: number | string, form: unknown) => answer(update, await postRequest(path(id), { json: form }), params(id));
const post = async (handler: Parameters<typeof answer>[0], id: number | string, action: string, form: Record<string, string> = {}) =>
  answer(handler, await postRequest(path(id, action), { form }), params(id));

async function stored(id: number) {
  return db.webhookDestination.findUniqueOrThrow({ where: { id } });
}

async function theirDestination() {
  const created = await createDestination(db, OTHER_SHOP, { ...FORM, name: "Their CRM" });
  if ("fieldErrors" in created) throw new Error(JSON.stringify(created.fieldErrors));
  return created.destination;
}

async function created(form: DestinationForm = FORM): Promise<number> {
  const result = await answer(create, await postRequest("/app/settings/destinations/new", { json: form }));
  expect(result).toMatchObject({ status: 200, body: { ok: true } });
  return (result.body as { destinationId: number }).destinationId;
}

describe("adding a destination", () => {
  it("stores it for the session's shop with its secret header sealed", async () => {
    const id = await created();

    const record = await stored(id);
    expect(record).toMatchObject({ shop: TEST_SHOP, name: "CRM", url: "https://hooks.crm.example/in", preset: "crm", events: ["checkout.abandoned", "cart.high_value"] });
    expect(JSON.stringify(record.headers)).not.toContain(API_KEY_VALUE);
    expect(openDestinationSecrets(record).headers).toEqual({ "X-Api-Key": API_KEY_VALUE, "X-Source": "comeback" });
  });

  it("answers 422 with the template's failing line, and stores nothing", async () => {
    const result = await answer(
      create,
      await postRequest("/app/settings/destinations/new", { json: { ...FORM, payloadTemplate: '{\n  "email": {{ customer.emial | json }}\n}' } })
    );

    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ ok: false, fieldErrors: { payloadTemplate: expect.stringMatching(/^Line 2: /) } });
    expect(await db.webhookDestination.count()).toBe(0);
  });

  it("answers 422 keyed by field for a bad URL, header and name", async () => {
    const form = { ...FORM, name: " ", url: "ftp://files.example", headers: [{ name: "Content-Length", value: "1", secret: false }] };
    expect((await answer(create, await postRequest("/app/settings/destinations/new", { json: form }))).body).toMatchObject({
      fieldErrors: { name: "Enter a name", url: "Enter an http:// or https:// URL", "headers.0.name": expect.any(String) },
    });
  });

  it("refuses a body that is not the form's shape", async () => {
    expect(await answer(create, await postRequest("/app/settings/destinations/new", { json: { ...FORM, method: "DELETE" } }))).toMatchObject({ status: 400 });
    expect(await db.webhookDestination.count()).toBe(0);
  });
});

describe("editing a destination", () => {
  it("shows the form with secret values masked, and neither the secret nor the signing secret anywhere", async () => {
    const id = await created();
    const shown = await load(id);

    expect(shown.body).toMatchObject({
      destination: {
        id,
        form: { ...FORM, headers: [{ name: "X-Api-Key", value: "••••6789", secret: true }, FORM.headers[1]] },
        signingSecretHint: expect.stringMatching(/^••••.{4}$/),
        pausedUntil: null,
      },
      timezone: "America/New_York",
    });
    const everything = JSON.stringify(shown.body);
    expect(everything).not.toContain(API_KEY_VALUE);
    expect(everything).not.toContain((await revealSigningSecret(db, TEST_SHOP, id))!);
  });

  it("keeps a secret sent back masked, and replaces one typed anew", async () => {
    const id = await created();
    const { form } = (await page(id)).destination;

    expect(await save(id, { ...form, name: "CRM (EU)", url: "https://eu.hooks.crm.example/in" })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await stored(id)).toMatchObject({ name: "CRM (EU)", url: "https://eu.hooks.crm.example/in" });
    expect(openDestinationSecrets(await stored(id)).headers["X-Api-Key"]).toBe(API_KEY_VALUE);

    const [apiKey, source] = form.headers;
    await save(id, { ...form, headers: [{ ...apiKey!, value: "new-key-abcdefgh" }, source!] });
    expect(openDestinationSecrets(await stored(id)).headers["X-Api-Key"]).toBe("new-key-abcdefgh");
    expect((await page(id)).destination.form.headers[0]).toEqual({ name: "X-Api-Key", value: "••••efgh", secret: true });
  });

  it("asks again for a masked value whose header was renamed", async () => {
    const id = await created();
    const { form } = (await page(id)).destination;

    const result = await save(id, { ...form, headers: [{ ...form.headers[0]!, name: "Authorization" }] });
    expect(result).toMatchObject({ status: 422, body: { fieldErrors: { "headers.0.value": expect.stringContaining("Enter the value again") } } });
    expect(openDestinationSecrets(await stored(id)).headers).toEqual({ "X-Api-Key": API_KEY_VALUE, "X-Source": "comeback" });
  });

  it("answers 422 with the line of an invalid template, and keeps the stored one", async () => {
    const id = await created();
    const { form } = (await page(id)).destination;

    const result = await save(id, { ...form, payloadTemplate: '{\n  "a": 1,\n  "b": {{ checkout.total | nope }}\n}' });
    expect(result).toMatchObject({ status: 422, body: { fieldErrors: { payloadTemplate: expect.stringMatching(/^Line 3: /) } } });
    expect((await stored(id)).payloadTemplate).toBe(PRESETS.crm.template);
  });

  it("shows the breaker's pause with the failures behind it", async () => {
    const id = await created();
    const pausedUntil = new Date(Date.now() + 10 * 60_000);
    await db.webhookDestination.update({ where: { id }, data: { pausedUntil, consecutiveFailures: 5 } });

    expect((await page(id)).destination).toMatchObject({ pausedUntil: pausedUntil.toISOString(), consecutiveFailures: 5 });
  });
});

describe("the signing secret", () => {
  it("rotates to a new secret, shown only as a hint", async () => {
    const id = await created();
    const before = await revealSigningSecret(db, TEST_SHOP, id);

    const rotated = await post(rotate, id, "/rotate-secret");
    const after = await revealSigningSecret(db, TEST_SHOP, id);
    expect(after).not.toBe(before);
    expect(rotated).toMatchObject({ status: 200, body: { ok: true, signingSecretHint: `••••${after!.slice(-4)}` } });
    expect(JSON.stringify(rotated.body)).not.toContain(after);
  });

  it("is revealed whole only by its own POST, kept out of caches", async () => {
    const id = await created();

    const revealed = await post(reveal, id, "/reveal-secret");
    expect(revealed).toMatchObject({ status: 200, body: { ok: true, secret: await revealSigningSecret(db, TEST_SHOP, id) } });
    expect(revealed.headers.get("Cache-Control")).toBe("no-store");
  });
});

describe("test send through the route", () => {
  it("uses the SSRF-safe client: a destination resolving to loopback is refused and nothing arrives", async () => {
    const id = await created({ ...FORM, url: `http://localhost:${new URL(receiver.origin).port}/hooks` });
    const checkout = await createCheckout();

    const result = await post(testSend, id, "/test-send", { checkoutId: String(checkout.id) });
    expect(result).toMatchObject({
      status: 200,
      body: { ok: true, report: { status: "failed", statusCode: null, error: expect.stringMatching(/^refused_address: localhost resolves to 127.0.0.1/) } },
    });
    expect(receiver.requests).toHaveLength(0);
  });

  it("asks for a checkout when none was chosen", async () => {
    const id = await created();
    expect(await post(testSend, id, "/test-send", { checkoutId: "" })).toMatchObject({ status: 422, body: { fieldErrors: { checkoutId: "chooseCheckout" } } });
  });
});

describe("another shop's destination", () => {
  it("cannot be read, saved, rotated, revealed or tested: 404, exactly like an unknown id", async () => {
    const theirs = await theirDestination();
    const theirCheckout = await createCheckout({ shop: OTHER_SHOP });
    const myCheckout = await createCheckout();
    const before = await stored(theirs.id);
    const unknown = theirs.id + 1000;

    for (const id of [theirs.id, unknown]) {
      expect(await load(id)).toMatchObject({ status: 404 });
      expect(await save(id, { ...FORM, name: "Hijacked" })).toMatchObject({ status: 404 });
      expect(await post(rotate, id, "/rotate-secret")).toMatchObject({ status: 404, body: { ok: false, notFound: true } });
      expect(await post(reveal, id, "/reveal-secret")).toMatchObject({ status: 404, body: { ok: false, notFound: true } });
      for (const checkout of [theirCheckout, myCheckout]) {
        expect(await post(testSend, id, "/test-send", { checkoutId: String(checkout.id) })).toMatchObject({ status: 404, body: { ok: false, notFound: true } });
      }
    }
    expect(await stored(theirs.id)).toEqual(before);
    expect(await db.webhookDelivery.count()).toBe(0);
  });

  it("never lends its checkouts to the shop's own test send", async () => {
    const id = await created();
    const theirCheckout = await createCheckout({ shop: OTHER_SHOP });
    await createCheckout();

    expect(await post(testSend, id, "/test-send", { checkoutId: String(theirCheckout.id) })).toMatchObject({ status: 404 });
    expect((await page(id)).checkouts.map((checkout) => checkout.id)).not.toContain(theirCheckout.id);
  });

  it("is not found for ids that cannot be an id", async () => {
    for (const id of ["abc", "0", "-1", "1.5", "01"]) expect(await load(id)).toMatchObject({ status: 404 });
  });
});
