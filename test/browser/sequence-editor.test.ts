import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { useAdminServer } from "../support/admin-server";
import { openAdminPage, screenshot } from "../support/browser";
import { resetDatabase } from "../support/database";
import { installShopWithDefaultSequence } from "../support/sequencer";
import { storeOfflineSession } from "../support/sessions";

const admin = useAdminServer();

beforeEach(async () => {
  await resetDatabase();
  await installShopWithDefaultSequence();
  await storeOfflineSession();
});

async function open(locale: "en" | "ko" = "en"): Promise<Page> {
  const page = await openAdminPage(admin.browser, admin.origin, "/app/sequence", { locale });
  await page.waitForLoadState("networkidle");
  return page;
}

const step = (page: Page, number: number) => page.getByRole("region", { name: `Step ${number}` });
const saveBar = (page: Page) => page.getByRole("region", { name: "Unsaved changes" });
const versions = () => db.sequenceVersion.findMany({ where: { sequence: { shop: TEST_SHOP } }, orderBy: { number: "asc" }, include: { steps: { orderBy: { position: "asc" } } } });

describe("the sequence editor in Chromium", () => {
  it("shows the default steps of version 1 and the note about enrolled checkouts", async () => {
    const page = await open();

    expect(await page.getByText("Version 1", { exact: true }).isVisible()).toBe(true);
    expect(await page.getByText("Checkouts already enrolled keep the version they started with", { exact: false }).isVisible()).toBe(true);
    for (const [number, delay, unit] of [[1, "1", "hours"], [2, "1", "days"], [3, "3", "days"]] as const) {
      expect(await step(page, number).getByLabel("Send after").inputValue()).toBe(delay);
      expect(await step(page, number).getByLabel("Unit").inputValue()).toBe(unit);
    }
    expect(await step(page, 1).getByLabel("Email template").locator("option:checked").textContent()).toBe("Reminder (1 hour)");
    expect(await saveBar(page).isHidden()).toBe(true);
    await screenshot(page, "sequence");
    await page.close();
  });

  it("publishes version 2 when a changed delay is saved", async () => {
    const page = await open();

    await step(page, 2).getByLabel("Send after").fill("2");
    await saveBar(page).getByRole("button", { name: "Save" }).click();
    await page.waitForFunction(() => document.body.dataset.lastToast === "Version 2 published");
    await saveBar(page).waitFor({ state: "hidden" });

    expect(await page.getByText("Version 2", { exact: true }).isVisible()).toBe(true);
    const [first, second] = await versions();
    expect(second?.steps.map((saved) => saved.delayMinutes)).toEqual([60, 2 * 24 * 60, 72 * 60]);
    expect(first?.steps.map((saved) => saved.delayMinutes)).toEqual([60, 24 * 60, 72 * 60]);
    await page.close();
  });

  it("shows an invalid delay's error under its field and publishes nothing", async () => {
    const page = await open();

    await step(page, 2).getByLabel("Send after").fill("-5");
    await saveBar(page).getByRole("button", { name: "Save" }).click();
    await step(page, 2).getByText("The delay can't be negative.").waitFor();

    expect(await step(page, 2).getByLabel("Send after").getAttribute("aria-invalid")).toBe("true");
    expect(await saveBar(page).isVisible()).toBe(true);
    expect(await versions()).toHaveLength(1);
    await screenshot(page, "sequence-error");
    await page.close();
  });

  it("publishes an A/B test set up in the form, with its variants", async () => {
    const page = await open();

    await step(page, 1).getByRole("button", { name: "Start an A/B test" }).click();
    await step(page, 1).getByLabel("Subject").nth(1).fill("{{ customer.first_name }}, your cart misses you");
    await step(page, 1).getByLabel("Weight").nth(1).fill("3");
    await step(page, 1).getByLabel("Pick a winner automatically").selectOption("click");
    await saveBar(page).getByRole("button", { name: "Save" }).click();
    await page.waitForFunction(() => document.body.dataset.lastToast === "Version 2 published");

    const variants = await db.stepVariant.findMany({ where: { step: { position: 1, version: { number: 2 } } }, orderBy: { label: "asc" } });
    expect(variants.map(({ label, weight, subject }) => ({ label, weight, subject }))).toEqual([
      { label: "A", weight: 1, subject: null },
      { label: "B", weight: 3, subject: "{{ customer.first_name }}, your cart misses you" },
    ]);
    expect(await step(page, 1).getByRole("heading", { name: "Variant B" }).isVisible()).toBe(true);
    await page.close();
  });

  it("reorders and adds steps with accessible buttons, and discards back to the published steps", async () => {
    const page = await open();

    await page.getByRole("button", { name: "Move step 3 up" }).click();
    expect(await step(page, 2).getByLabel("Send after").inputValue()).toBe("3");
    await page.getByRole("button", { name: "Add step" }).click();
    expect(await step(page, 4).isVisible()).toBe(true);
    await saveBar(page).getByRole("button", { name: "Discard" }).click();

    expect(await step(page, 4).count()).toBe(0);
    expect(await step(page, 2).getByLabel("Send after").inputValue()).toBe("1");
    await saveBar(page).waitFor({ state: "hidden" });
    await page.close();
  });
});
