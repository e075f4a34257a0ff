import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { appUninstalledPayload, checkoutPayload } from "../factories/payloads";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";

beforeEach(async () => {
  await resetDatabase();
});

describe("app/uninstalled webhook", () => {
  it("deletes the shop's sessions and marks the shop uninstalled, keeping its data until shop/redact", async () => {
    await createShop();
    await storeOfflineSession();
    await deliverWebhook("checkouts/create", checkoutPayload());

    const response = await deliverWebhook("app/uninstalled", appUninstalledPayload());

    expect(response.status).toBe(200);
    expect(await db.session.count({ where: { shop: TEST_SHOP } })).toBe(0);
    const shop = await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } });
    expect(shop.status).toBe("uninstalled");
    expect(shop.uninstalledAt).toBeInstanceOf(Date);
    expect(await db.checkout.count()).toBe(1);
  });

  it("stores nothing that arrives for the shop afterwards", async () => {
    await createShop();
    await deliverWebhook("app/uninstalled", appUninstalledPayload());
    await deliverWebhook("checkouts/create", checkoutPayload());

    expect(await db.checkout.count()).toBe(0);
  });

  it("is harmless when it arrives again, or for a shop whose sessions are already gone", async () => {
    await createShop();
    const first = await deliverWebhook("app/uninstalled", appUninstalledPayload());
    const second = await deliverWebhook("app/uninstalled", appUninstalledPayload());

    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).status).toBe("uninstalled");
  });

  it("refuses a body for another shop than its header, since Shopify signs only the body", async () => {
    await createShop();
    await storeOfflineSession();
    const response = await deliverWebhook("app/uninstalled", appUninstalledPayload({ myshopify_domain: "other.myshopify.com" }));

    expect(response.status).toBe(400);
    expect((await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).status).toBe("installed");
    expect(await db.session.count()).toBe(1);
  });
});
