import { API_KEY, TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { loader as appLoader } from "~/routes/app";
import { startFakeShopify, type FakeShopify } from "../doubles/fake-shopify";
import { embeddedDocumentRequest } from "../doubles/shopify-session";
import { createShop } from "../factories/shop";
import { storeOfflineSession } from "../support/sessions";

let shopify: FakeShopify;
const loadApp = async (request: Request) => appLoader({ request, params: {}, context: {} });

beforeAll(async () => {
  shopify = await startFakeShopify({ scopes: config.scopes });
});
afterAll(() => shopify.close());

beforeEach(async () => {
  await db.shop.deleteMany();
  await db.session.deleteMany();
  shopify.calls.length = 0;
});
afterEach(() => {
  shopify.operations.ShopProfile = () => ({ data: { shop: { name: "Test Shop", ianaTimezone: "America/New_York", currencyCode: "USD" } } });
});

describe("installing from the Shopify admin", () => {
  it("exchanges the session token for an offline token and creates the shop with defaults and Shopify's profile", async () => {
    const result = await loadApp(await embeddedDocumentRequest("/app"));

    expect(result).toEqual({ apiKey: API_KEY, locale: "en" });
    expect(shopify.calls.map((call) => call.operation ?? call.path)).toEqual(["/admin/oauth/access_token", "ShopProfile"]);
    expect(await db.session.findUnique({ where: { id: `offline_${TEST_SHOP}` } })).toMatchObject({ isOnline: false });
    expect(await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).toMatchObject({
      status: "installed",
      name: "Test Shop",
      timezone: "America/New_York",
      currency: "USD",
      abandonmentMinutes: 10,
      requireMarketingConsent: true,
      frequencyCapHours: 16,
      quietHoursStartMinute: 21 * 60,
      quietHoursEndMinute: 8 * 60,
    });
  });

  it("gives the new shop the default recovery sequence: 1 h, 24 h and 72 h emails in English and Korean", async () => {
    await loadApp(await embeddedDocumentRequest("/app"));

    const version = await db.sequenceVersion.findFirstOrThrow({
      where: { sequence: { shop: TEST_SHOP } },
      include: { steps: { orderBy: { position: "asc" }, include: { template: { include: { contents: true } } } } },
    });
    expect(version.steps.map((step) => [step.delayMinutes, step.channel])).toEqual([
      [60, "email"],
      [24 * 60, "email"],
      [72 * 60, "email"],
    ]);
    for (const step of version.steps) expect(step.template?.contents.map((content) => content.locale).sort()).toEqual(["en", "ko"]);
  });

  it("keeps the shop's own sequence when it reinstalls", async () => {
    await loadApp(await embeddedDocumentRequest("/app"));
    await db.session.deleteMany();
    await loadApp(await embeddedDocumentRequest("/app"));

    expect(await db.sequence.count({ where: { shop: TEST_SHOP } })).toBe(1);
  });

  it("reactivates a shop that had uninstalled, keeping the merchant's settings", async () => {
    await createShop({ status: "uninstalled", uninstalledAt: new Date(), abandonmentMinutes: 45, currency: "EUR" });
    await loadApp(await embeddedDocumentRequest("/app"));

    expect(await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).toMatchObject({
      status: "installed",
      uninstalledAt: null,
      abandonmentMinutes: 45,
      currency: "USD",
    });
  });

  it("still installs the shop when Shopify's profile query fails, with default timezone and currency", async () => {
    shopify.operations.ShopProfile = () => ({ errors: [{ message: "Internal error" }] });
    await loadApp(await embeddedDocumentRequest("/app"));

    expect(await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).toMatchObject({
      status: "installed",
      timezone: "UTC",
      currency: "USD",
    });
  });

  it("loads without calling Shopify once the shop has a session", async () => {
    await createShop();
    await storeOfflineSession();
    const result = await loadApp(await embeddedDocumentRequest("/app"));

    expect(result).toEqual({ apiKey: API_KEY, locale: "en" });
    expect(shopify.calls).toEqual([]);
  });

  it("speaks the Shopify admin's language", async () => {
    await createShop();
    await storeOfflineSession();
    const request = await embeddedDocumentRequest("/app");
    const korean = new Request(`${request.url}&locale=ko-KR`, { headers: request.headers });

    expect(await loadApp(korean)).toEqual({ apiKey: API_KEY, locale: "ko" });
  });

  it("refuses a session token signed with another secret, and installs nothing", async () => {
    const outcome = await loadApp(await embeddedDocumentRequest("/app", { secret: "forged-secret" })).catch((thrown: unknown) => thrown);

    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).not.toBe(200);
    expect(shopify.calls).toEqual([]);
    expect(await db.shop.count()).toBe(0);
  });
});
