import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import type { LocalServer } from "../doubles/http-server";
import { startStorefront } from "../doubles/storefront";
import { createCartWithOffer } from "../factories/discount";
import { createShop } from "../factories/shop";
import { useAdminServer } from "../support/admin-server";
import { screenshot } from "../support/browser";
import { resetDatabase } from "../support/database";

const app = useAdminServer();
let storefront: LocalServer | undefined;
let page: Page | undefined;
let cartToken: string;

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  cartToken = await createCartWithOffer("COMEBACK-7QK2ABCD");
});
afterEach(async () => {
  await page?.close();
  await storefront?.close();
});

async function visit(locale: "en" | "ko" = "en", itemCount = 2) {
  storefront = await startStorefront({ shop: TEST_SHOP, appOrigin: app.origin, cart: { token: `${cartToken}?key=4f2b9c`, itemCount }, locale });
  const { origin } = storefront;
  page = await app.browser.newPage();
  await page.route("**/*", (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  await page.goto(origin);
  return page;
}

/** Waits for the script's last request, then for it to act on the answer. */
async function settled(page: Page, lastRequest: string) {
  await page.waitForResponse((response) => response.url().includes(lastRequest), { timeout: 10_000 });
  await page.waitForTimeout(250);
}

describe("the storefront banner in Chromium", () => {
  it("shows a returning shopper the way back with their own code, records it, and stays away once dismissed", async () => {
    const page = await visit();
    const banner = page.getByRole("region", { name: "Your saved cart" });

    await banner.waitFor({ state: "visible", timeout: 10_000 });
    expect(await banner.textContent()).toContain("COMEBACK-7QK2ABCD");
    const restore = banner.getByRole("link", { name: "Complete your order" });
    expect(new URL((await restore.getAttribute("href"))!).searchParams.get("discount")).toBe("COMEBACK-7QK2ABCD");
    await screenshot(page, "storefront-banner");

    await expect.poll(() => db.activity.count({ where: { kind: "banner_shown" } })).toBe(1);
    await banner.getByRole("button", { name: "Close" }).click();
    expect(await banner.isHidden()).toBe(true);
    await page.reload();
    await page.waitForTimeout(3_000);
    expect(await page.locator("#comeback-banner").isHidden()).toBe(true);
    await page.close();
  });

  it("can be dismissed with the keyboard, and speaks the storefront's language", async () => {
    const page = await visit("ko");
    const banner = page.getByRole("region", { name: "저장된 장바구니" });
    await banner.waitFor({ state: "visible", timeout: 10_000 });
    expect(await banner.textContent()).toContain("주문 완료하기");
    await screenshot(page, "storefront-banner-ko");

    await page.keyboard.press("Escape");
    expect(await banner.isHidden()).toBe(true);
    await page.close();
  });

  it("shows nothing after a purchase, or for an empty cart", async () => {
    await db.checkout.updateMany({ data: { status: "recovered" } });
    const afterPurchase = await visit();
    await settled(afterPurchase, "/apps/comeback/banner?");
    expect(await afterPurchase.locator("#comeback-banner").isHidden()).toBe(true);
    await afterPurchase.close();
    await storefront?.close();

    await db.checkout.updateMany({ data: { status: "abandoned" } });
    const emptyCart = await visit("en", 0);
    await settled(emptyCart, "/cart.js");
    expect(await emptyCart.locator("#comeback-banner").isHidden()).toBe(true);
  });
});
