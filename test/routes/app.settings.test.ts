import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { createDestination } from "~/outbound/destinations.server";
import { PRESETS } from "~/outbound/presets";
import { action, loader } from "~/routes/app.settings._index";
import type { ShopSettingsFormValues } from "~/settings/shop-settings";
import { createShop } from "../factories/shop";
import { answer, pageRequest, postRequest } from "../settings/admin-requests";
import { resetDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";

const OTHER_SHOP = "other-shop.myshopify.com";

beforeEach(async () => {
  await resetDatabase();
  await createShop({ senderName: "Aurora Goods", highValueThresholdMinor: 25_000n, quietHoursStartMinute: null, quietHoursEndMinute: null, bannerText: "Welcome back" });
  await createShop({ domain: OTHER_SHOP, abandonmentMinutes: 30 });
  await storeOfflineSession();
});

const load = async () => answer(loader, await pageRequest("/app/settings"));
const save = async (form: unknown) => answer(action, await postRequest("/app/settings", { json: form }));
const currentForm = async () => ((await load()).body as { settings: ShopSettingsFormValues }).settings;

async function addDestination(shop: string, name: string) {
  const created = await createDestination(db, shop, {
    name,
    url: "https://hooks.crm.example/in/token-123",
    payloadTemplate: PRESETS.generic.template,
    events: ["checkout.abandoned"],
  });
  if ("fieldErrors" in created) throw new Error(JSON.stringify(created.fieldErrors));
  return created.destination;
}

describe("the settings page", () => {
  it("shows the shop's current settings as the form edits them, in its timezone and currency", async () => {
    expect(await load()).toMatchObject({
      status: 200,
      body: {
        timezone: "America/New_York",
        currency: "USD",
        settings: {
          senderName: "Aurora Goods",
          abandonmentMinutes: "10",
          frequencyCapHours: "16",
          quietHours: false,
          highValueThreshold: "250.00",
          bannerText: "Welcome back",
        },
        destinations: [],
        deadLetterCount: 0,
      },
    });
  });

  it("lists the shop's own destinations only, by host, with events and state", async () => {
    const mine = await addDestination(TEST_SHOP, "CRM");
    await addDestination(OTHER_SHOP, "Their CRM");
    const pausedUntil = new Date(Date.now() + 30 * 60_000);
    await db.webhookDestination.update({ where: { id: mine.id }, data: { pausedUntil, consecutiveFailures: 5 } });

    expect((await load()).body).toMatchObject({
      destinations: [{ id: mine.id, name: "CRM", host: "hooks.crm.example", events: ["checkout.abandoned"], enabled: true, pausedUntil: pausedUntil.toISOString() }],
    });
  });

  it("counts the shop's dead deliveries, not another shop's", async () => {
    const mine = await addDestination(TEST_SHOP, "CRM");
    const theirs = await addDestination(OTHER_SHOP, "Their CRM");
    const dead = (shop: string, destinationId: number, messageId: string) =>
      db.webhookDelivery.create({
        data: { shop, destinationId, messageId, event: "checkout.abandoned", payload: "{}", status: "dead", deadAt: new Date(), nextAttemptAt: new Date() },
      });
    await dead(TEST_SHOP, mine.id, "msg_mine");
    await dead(OTHER_SHOP, theirs.id, "msg_theirs_1");
    await dead(OTHER_SHOP, theirs.id, "msg_theirs_2");

    expect((await load()).body).toMatchObject({ deadLetterCount: 1 });
  });

  it("is not found for a session whose shop has no record", async () => {
    await db.shop.delete({ where: { domain: TEST_SHOP } });
    expect(await load()).toMatchObject({ status: 404 });
  });
});

describe("saving the settings", () => {
  it("stores every field of the session's shop, and only of that shop", async () => {
    const form: ShopSettingsFormValues = {
      ...(await currentForm()),
      senderName: "Aurora",
      senderEmail: "hello@aurora.example",
      replyToEmail: "care@aurora.example",
      abandonmentMinutes: "30",
      requireMarketingConsent: false,
      frequencyCapHours: "24",
      quietHours: true,
      quietHoursStart: "22:30",
      quietHoursEnd: "07:15",
      attributionDays: "7",
      highValueThreshold: "199.99",
      holdoutPercent: "15",
      bannerText: "",
    };
    const before = await db.shop.findUniqueOrThrow({ where: { domain: OTHER_SHOP } });

    expect(await save(form)).toMatchObject({ status: 200, body: { ok: true, settings: form } });
    expect(await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).toMatchObject({
      senderName: "Aurora",
      senderEmail: "hello@aurora.example",
      replyToEmail: "care@aurora.example",
      abandonmentMinutes: 30,
      requireMarketingConsent: false,
      frequencyCapHours: 24,
      quietHoursStartMinute: 22 * 60 + 30,
      quietHoursEndMinute: 7 * 60 + 15,
      attributionDays: 7,
      highValueThresholdMinor: 19_999n,
      holdoutPercent: 15,
      bannerText: null,
    });
    expect(await db.shop.findUniqueOrThrow({ where: { domain: OTHER_SHOP } })).toEqual(before);
  });

  it("shows the saved values afresh, with a new revision", async () => {
    const { revision } = (await load()).body as { revision: string };
    await save({ ...(await currentForm()), abandonmentMinutes: "045" });

    const reloaded = (await load()).body as { revision: string; settings: ShopSettingsFormValues };
    expect(reloaded.settings.abandonmentMinutes).toBe("45");
    expect(reloaded.revision).not.toBe(revision);
  });

  it("turns quiet hours off", async () => {
    await db.shop.update({ where: { domain: TEST_SHOP }, data: { quietHoursStartMinute: 1260, quietHoursEndMinute: 480 } });
    await save({ ...(await currentForm()), quietHours: false });
    expect(await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).toMatchObject({ quietHoursStartMinute: null, quietHoursEndMinute: null });
  });

  it("answers 422 with an error code per wrong field, and saves nothing", async () => {
    const form = { ...(await currentForm()), abandonmentMinutes: "2000", replyToEmail: "care@", highValueThreshold: "10.005" };

    expect(await save(form)).toEqual({
      status: 422,
      body: { ok: false, fieldErrors: { abandonmentMinutes: "wholeNumberBetween", replyToEmail: "email", highValueThreshold: "amountPrecision" } },
      headers: expect.any(Headers),
    });
    expect(await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).toMatchObject({ abandonmentMinutes: 10, replyToEmail: null, highValueThresholdMinor: 25_000n });
  });

  it("refuses a body that is not the page's JSON", async () => {
    const request = await postRequest("/app/settings", { form: { abandonmentMinutes: "30" } });
    expect(await answer(action, request)).toMatchObject({ status: 400 });
  });

  it("refuses a request without a valid session token", async () => {
    const request = new Request((await postRequest("/app/settings", { json: await currentForm() })).url, { method: "POST", body: "{}" });
    expect((await answer(action, request)).status).not.toBe(200);
    expect(await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).toMatchObject({ abandonmentMinutes: 10 });
  });
});
