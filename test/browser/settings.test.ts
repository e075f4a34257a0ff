import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { createDestination, openDestinationSecrets } from "~/outbound/destinations.server";
import { PRESETS } from "~/outbound/presets";
import { createCheckout } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { useAdminServer } from "../support/admin-server";
import { openAdminPage, screenshot } from "../support/browser";
import { resetDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";

const admin = useAdminServer();

beforeEach(async () => {
  await resetDatabase();
  await createShop({ senderName: "Aurora Goods", senderEmail: "hello@aurora.example", highValueThresholdMinor: 25_000n, bannerText: "Welcome back" });
  await storeOfflineSession();
});

async function open(pathname: string, locale: "en" | "ko" = "en"): Promise<Page> {
  const page = await openAdminPage(admin.browser, admin.origin, pathname, { locale });
  await page.waitForLoadState("networkidle");
  return page;
}

const toast = (page: Page, message: string) => page.waitForFunction((expected) => document.body.dataset.lastToast === expected, message);

async function addDestination() {
  const created = await createDestination(db, TEST_SHOP, {
    name: "CRM",
    url: "https://hooks.crm.example/in",
    headers: [{ name: "X-Api-Key", value: "crm-key-0123456789", secret: true }],
    payloadTemplate: PRESETS.crm.template,
    preset: "crm",
    events: ["checkout.abandoned"],
  });
  if ("fieldErrors" in created) throw new Error(JSON.stringify(created.fieldErrors));
  return created.destination;
}

describe("the settings page in Chromium", () => {
  it("shows the shop's current settings", async () => {
    const page = await open("/app/settings");

    expect(await page.getByLabel("Sender name").inputValue()).toBe("Aurora Goods");
    expect(await page.getByLabel("From address").inputValue()).toBe("hello@aurora.example");
    expect(await page.getByLabel("Abandonment threshold").inputValue()).toBe("10");
    expect(await page.getByLabel("High-value cart threshold").inputValue()).toBe("250.00");
    expect(await page.getByLabel("Start").inputValue()).toBe("21:00");
    expect(await page.getByLabel("Banner text").inputValue()).toBe("Welcome back");
    expect(await page.getByText("America/New_York").count()).toBeGreaterThan(0);
    await screenshot(page, "settings");
    await page.close();
  });

  it("saves a change from the contextual save bar, with a toast", async () => {
    const page = await open("/app/settings");
    const saveBar = page.getByRole("region", { name: "Unsaved changes" });
    expect(await saveBar.isHidden()).toBe(true);

    await page.getByLabel("Abandonment threshold").fill("30");
    await page.getByLabel("Hold messages during quiet hours").uncheck();
    await saveBar.getByRole("button", { name: "Save" }).click();
    await toast(page, "Settings saved");
    await saveBar.waitFor({ state: "hidden" });

    expect(await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).toMatchObject({ abandonmentMinutes: 30, quietHoursStartMinute: null, quietHoursEndMinute: null });
    expect(await page.getByLabel("Abandonment threshold").inputValue()).toBe("30");
    await page.close();
  });

  it("shows an invalid value's error next to its field, and saves nothing", async () => {
    const page = await open("/app/settings");

    await page.getByLabel("Abandonment threshold").fill("2000");
    await page.getByRole("region", { name: "Unsaved changes" }).getByRole("button", { name: "Save" }).click();
    await page.getByText("Enter a whole number from 1 to 1440.").waitFor();

    expect(await page.getByLabel("Abandonment threshold").getAttribute("aria-invalid")).toBe("true");
    expect(await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).toMatchObject({ abandonmentMinutes: 10 });
    await screenshot(page, "settings-error");
    await page.close();
  });

  it("speaks Korean in a Korean admin", async () => {
    await addDestination();
    const page = await open("/app/settings", "ko");

    expect(await page.getByLabel("이탈 기준 시간").inputValue()).toBe("10");
    expect(await page.getByRole("heading", { name: "웹훅 대상" }).count()).toBeGreaterThan(0);
    await screenshot(page, "settings-ko");
    await page.close();
  });
});

describe("webhook destinations in Chromium", () => {
  it("lists the shop's destinations and opens one's edit form with its secret masked", async () => {
    const destination = await addDestination();
    await createCheckout();
    const page = await open("/app/settings");

    const row = page.getByRole("row", { name: /CRM/ });
    expect(await row.textContent()).toContain("hooks.crm.example");
    expect(await row.textContent()).toContain("Checkout abandoned");
    await row.getByRole("link", { name: "CRM" }).click();
    await page.waitForURL(`**/app/settings/destinations/${destination.id}**`);
    await page.getByLabel("Endpoint URL").waitFor();

    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("CRM");
    expect(await page.getByRole("textbox", { name: "Value" }).inputValue()).toBe("••••6789");
    expect(await page.getByLabel("Payload template").inputValue()).toBe(PRESETS.crm.template);
    expect(await page.getByLabel("Checkout abandoned").isChecked()).toBe(true);
    expect(await page.content()).not.toContain("crm-key-0123456789");
    await screenshot(page, "destination-edit");
    await page.close();
  });

  it("saves an edited destination from the save bar, keeping its masked secret", async () => {
    const destination = await addDestination();
    const page = await open(`/app/settings/destinations/${destination.id}`);

    await page.getByLabel("Name", { exact: true }).fill("CRM (EU)");
    await page.getByRole("region", { name: "Unsaved changes" }).getByRole("button", { name: "Save" }).click();
    await toast(page, "Destination saved");

    const stored = await db.webhookDestination.findUniqueOrThrow({ where: { id: destination.id } });
    expect(stored.name).toBe("CRM (EU)");
    expect(openDestinationSecrets(stored).headers["X-Api-Key"]).toBe("crm-key-0123456789");
    await page.close();
  });

  it("adds a destination: a template error shows its line, then the saved destination opens", async () => {
    const page = await open("/app/settings/destinations/new");

    await page.getByLabel("Name", { exact: true }).fill("Support desk");
    await page.getByLabel("Endpoint URL").fill("https://desk.example/hooks");
    await page.getByLabel("Payload template").fill('{\n  "email": {{ customer.emial | json }}\n}');
    const save = page.getByRole("region", { name: "Unsaved changes" }).getByRole("button", { name: "Save" });
    await save.click();
    await page.getByText(/^Line 2: /).waitFor();
    expect(await page.getByLabel("Template lines around the error").textContent()).toContain('2 │   "email": {{ customer.emial | json }}');
    expect(await db.webhookDestination.count()).toBe(0);

    await page.getByLabel("Payload template").fill('{ "email": {{ customer.email | json }} }');
    await save.click();
    await toast(page, "Destination added");
    const created = await db.webhookDestination.findFirstOrThrow({ where: { shop: TEST_SHOP } });
    await page.waitForURL(`**/app/settings/destinations/${created.id}**`);
    expect(created).toMatchObject({ name: "Support desk", url: "https://desk.example/hooks", preset: "generic" });
    await page.close();
  });

  it("replays a dead letter, with a toast", async () => {
    const destination = await addDestination();
    const dead = await db.webhookDelivery.create({
      data: {
        shop: TEST_SHOP,
        destinationId: destination.id,
        messageId: "msg_2Yx0deadletter",
        event: "checkout.abandoned",
        payload: "{}",
        status: "dead",
        attempts: 8,
        lastError: "HTTP 500",
        deadAt: new Date(),
        nextAttemptAt: new Date(),
      },
    });
    const page = await open("/app/settings/dead-letters");
    await screenshot(page, "dead-letters");

    await page.getByRole("button", { name: "Replay delivery msg_2Yx0deadletter" }).click();
    await toast(page, "Delivery queued again");
    await page.getByText("No failed deliveries.").waitFor();

    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ status: "pending", messageId: "msg_2Yx0deadletter", attempts: 0 });
    await page.close();
  });

  it("says so when a listed dead letter was replayed elsewhere meanwhile, and refreshes the list", async () => {
    const destination = await addDestination();
    const dead = await db.webhookDelivery.create({
      data: { shop: TEST_SHOP, destinationId: destination.id, messageId: "msg_stale", event: "step", payload: "{}", status: "dead", deadAt: new Date(), nextAttemptAt: new Date() },
    });
    const page = await open("/app/settings/dead-letters");
    await db.webhookDelivery.update({ where: { id: dead.id }, data: { status: "pending", deadAt: null } });

    await page.getByRole("button", { name: "Replay delivery msg_stale" }).click();
    await toast(page, "This delivery is no longer on the failed list");
    await page.getByText("No failed deliveries.").waitFor();
    await page.close();
  });

  it("shows another shop's destination as not found", async () => {
    await createShop({ domain: "other-shop.myshopify.com" });
    const theirs = await createDestination(db, "other-shop.myshopify.com", { name: "Their CRM", url: "https://their.example/hooks", payloadTemplate: PRESETS.generic.template });
    if ("fieldErrors" in theirs) throw new Error(JSON.stringify(theirs.fieldErrors));
    const page = await open(`/app/settings/destinations/${theirs.destination.id}`);

    await page.getByText("Not found").waitFor();
    expect(await page.content()).not.toContain("their.example");
    await page.close();
  });
});
