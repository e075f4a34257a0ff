import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { loader } from "~/routes/proxy.banner";
import { action as reportTouch } from "~/routes/proxy.banner.events";
import { signAppProxyUrl, type ProxyOptions } from "../doubles/shopify-app-proxy";
import { createCartWithOffer } from "../factories/discount";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const APP = "https://my-test-app.myshopify.io";

function bannerRequest(cartToken: string, options: ProxyOptions = {}) {
  const url = signAppProxyUrl(new URL(`${APP}/proxy/banner?cart_token=${cartToken}`), options);
  return loader({ request: new Request(url), params: {}, context: {} });
}

function touchRequest(body: unknown, options: ProxyOptions = {}) {
  const url = signAppProxyUrl(new URL(`${APP}/proxy/banner/events`), options);
  const request = new Request(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return reportTouch({ request, params: {}, context: {} });
}

let cartToken: string;

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  cartToken = await createCartWithOffer("COMEBACK-7QK2ABCD");
});

describe("GET /apps/comeback/banner (app proxy)", () => {
  it("answers a signed request with the cart's offer, never cached", async () => {
    const response = await bannerRequest(cartToken);

    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const offer = await response.json();
    expect(offer).toMatchObject({ show: true, discount: { code: "COMEBACK-7QK2ABCD" } });
    expect(new URL(offer.restoreUrl).searchParams.get("discount")).toBe("COMEBACK-7QK2ABCD");
    expect(JSON.stringify(offer)).not.toContain("ann@example.com");
  });

  it("refuses a forged signature", async () => {
    const outcome = await bannerRequest(cartToken, { secret: "not-the-app-secret" }).catch((thrown: unknown) => thrown);
    expect((outcome as Response).status).toBe(400);
  });

  it("refuses a stale signature, as a replayed request would have", async () => {
    const outcome = await bannerRequest(cartToken, { timestamp: Math.floor(Date.now() / 1000) - 600 }).catch((thrown: unknown) => thrown);
    expect((outcome as Response).status).toBe(400);
  });

  it("shows nothing for an unknown cart, or another shop's", async () => {
    expect(await (await bannerRequest("no-such-cart")).json()).toEqual({ show: false });
    await createShop({ domain: "other-shop.myshopify.com" });
    expect(await (await bannerRequest(cartToken, { shop: "other-shop.myshopify.com" })).json()).toEqual({ show: false });
  });
});

describe("POST /apps/comeback/banner/events (app proxy)", () => {
  it("records a shown and a clicked banner on the checkout's timeline, once per visit", async () => {
    expect((await touchRequest({ cart_token: cartToken, event: "impression" })).status).toBe(204);
    await touchRequest({ cart_token: cartToken, event: "impression" });
    await touchRequest({ cart_token: cartToken, event: "click" });

    const kinds = (await db.activity.findMany({ where: { kind: { startsWith: "banner_" } } })).map((entry) => entry.kind).sort();
    expect(kinds).toEqual(["banner_clicked", "banner_shown"]);
  });

  it("refuses a malformed report and a forged one", async () => {
    expect((await touchRequest({ cart_token: cartToken, event: "hover" })).status).toBe(400);
    const forged = await touchRequest({ cart_token: cartToken, event: "click" }, { secret: "forged" }).catch((thrown: unknown) => thrown);
    expect((forged as Response).status).toBe(400);
    expect(await db.activity.count({ where: { kind: { startsWith: "banner_" } } })).toBe(0);
  });
});
