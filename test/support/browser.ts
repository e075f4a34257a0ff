import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { BROWSER_USER_AGENT, sessionToken } from "../doubles/shopify-session";

const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOTS = path.resolve("test-artifacts/screenshots");
const APP_BRIDGE = "https://cdn.shopify.com/shopifycloud/app-bridge.js";
const appBridgeStandIn = readFileSync(path.resolve("test/browser/app-bridge-stand-in.js"), "utf8");

/** Debian's Chromium, headless, with a fresh profile and nothing reaching beyond the machine. */
export async function launchBrowser(): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) throw new Error(`Browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), "comeback-chromium-")), {
    executablePath: CHROMIUM,
    headless: true,
    userAgent: BROWSER_USER_AGENT,
    viewport: { width: 1280, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface AdminVisit {
  shop?: string;
  locale?: "en" | "ko";
}

/**
 * Opens an app page the way the Shopify admin loads it in its iframe: embedded=1, shop, host and a
 * session token signed with the app secret, with the App Bridge stand-in in place of Shopify's CDN
 * script and every other request beyond the app refused.
 */
export async function openAdminPage(context: BrowserContext, origin: string, pathname: string, { shop = TEST_SHOP, locale = "en" }: AdminVisit = {}): Promise<Page> {
  const page = await context.newPage();
  const token = await sessionToken({ shop });
  await page.addInitScript((value) => Object.assign(window, { __comebackSessionToken: value }), token);
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(APP_BRIDGE)) return route.fulfill({ contentType: "text/javascript", body: appBridgeStandIn });
    return url.startsWith(origin) ? route.continue() : route.abort();
  });
  const url = new URL(pathname, origin);
  url.searchParams.set("embedded", "1");
  url.searchParams.set("shop", shop);
  url.searchParams.set("host", Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64"));
  url.searchParams.set("id_token", token);
  url.searchParams.set("locale", locale);
  await page.goto(url.toString());
  return page;
}

/** Keeps a screenshot of the page in test-artifacts/screenshots (ignored by git). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
