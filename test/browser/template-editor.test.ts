import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { startSendgridServer, type SendgridServer } from "../doubles/sendgrid-server";
import { createCheckout } from "../factories/recovery";
import { useAdminServer } from "../support/admin-server";
import { openAdminPage, screenshot } from "../support/browser";
import { resetDatabase } from "../support/database";
import { installShopWithDefaultSequence } from "../support/sequencer";
import { storeOfflineSession } from "../support/sessions";

const OTHER_SHOP = "other-shop.myshopify.com";

// Registered before the admin server's hooks, so the app it starts sends to this SendGrid double.
let sendgrid: SendgridServer;
beforeAll(async () => {
  sendgrid = await startSendgridServer();
  Object.assign(process.env, { SENDGRID_API_KEY: sendgrid.apiKey, SENDGRID_API_URL: sendgrid.apiUrl });
});
afterAll(() => sendgrid.close());

const admin = useAdminServer();

let templateId: number;
beforeEach(async () => {
  await resetDatabase();
  sendgrid.reset();
  await installShopWithDefaultSequence({ name: "Test Shop", senderEmail: "team@test-shop.example" });
  await installShopWithDefaultSequence({ domain: OTHER_SHOP });
  await storeOfflineSession();
  templateId = (await db.template.findFirstOrThrow({ where: { shop: TEST_SHOP, name: "Reminder (1 hour)" } })).id;
});

async function open(pathname: string, locale: "en" | "ko" = "en"): Promise<Page> {
  const page = await openAdminPage(admin.browser, admin.origin, pathname, { locale });
  await page.waitForLoadState("networkidle");
  return page;
}

const previewSubject = (page: Page, text: string) => page.locator("#preview-subject", { hasText: text }).waitFor();
const saveBar = (page: Page) => page.getByRole("region", { name: "Unsaved changes" });
const toast = (page: Page, message: string) => page.waitForFunction((expected) => document.body.dataset.lastToast === expected, message);

describe("the template editor in Chromium", () => {
  it("shows the template with its languages, variables and the server's preview of the sample cart", async () => {
    const page = await open(`/app/templates/${templateId}`);

    expect(await page.getByLabel("Template name").inputValue()).toBe("Reminder (1 hour)");
    expect(await page.getByRole("tab").allTextContents()).toEqual(["English", "Korean"]);
    expect(await page.getByText("customer.first_name", { exact: true }).isVisible()).toBe(true);
    await previewSubject(page, "Alex, you left something in your cart");
    const frame = page.frameLocator('iframe[title="Email preview"]');
    await frame.getByText("Linen Shirt").waitFor();
    expect(await page.locator("iframe[title='Email preview']").getAttribute("sandbox")).toBe("");
    await screenshot(page, "template-editor");
    await page.close();
  });

  it("updates the preview as the subject is edited, and previews a stored checkout of the shop's only", async () => {
    await createCheckout({ status: "abandoned", email: "ann@example.com" });
    await createCheckout({ shop: OTHER_SHOP, status: "abandoned", email: "theirs@example.com" });
    const page = await open(`/app/templates/${templateId}`);
    await previewSubject(page, "Alex");

    await page.getByLabel("Subject", { exact: true }).fill("Psst {{ customer.first_name }}, {{ cart.total }}");
    await previewSubject(page, "Psst Alex, $121.50");

    const picker = page.getByLabel("Preview with");
    const options = await picker.locator("option").allTextContents();
    expect(options).toHaveLength(2);
    expect(options.join()).not.toContain("theirs@example.com");
    await picker.selectOption({ label: options.find((option) => option.startsWith("ann@example.com"))! });
    await previewSubject(page, "Psst Ann, $137.77");
    await page.close();
  });

  it("shows a Liquid error with its field and line, in the preview and, on save, under the field", async () => {
    const page = await open(`/app/templates/${templateId}`);
    await previewSubject(page, "Alex");

    await page.getByLabel("HTML body").fill('<p>Hi</p>\n<a href="{{ unsubscribe_url }}">Unsubscribe</a>\n{{ cart.total | sparkle }}');
    await page.getByText("Liquid error in HTML body, line 3").waitFor();
    await saveBar(page).getByRole("button", { name: "Save" }).click();
    await page.getByText(/^Line 3: .*sparkle/).waitFor();

    expect(await page.getByLabel("HTML body").getAttribute("aria-invalid")).toBe("true");
    expect((await db.templateContent.findFirstOrThrow({ where: { templateId, locale: "en" } })).html).not.toContain("sparkle");
    await page.close();
  });

  it("saves from the contextual save bar", async () => {
    const page = await open(`/app/templates/${templateId}`);

    await page.getByLabel("Template name").fill("Gentle reminder");
    await page.getByLabel("Subject", { exact: true }).fill("{{ customer.first_name | default: \"Hi\" }}, your cart is saved");
    await saveBar(page).getByRole("button", { name: "Save" }).click();
    await toast(page, "Template saved");
    await saveBar(page).waitFor({ state: "hidden" });

    const saved = await db.template.findUniqueOrThrow({ where: { id: templateId }, include: { contents: { where: { locale: "en" } } } });
    expect(saved.name).toBe("Gentle reminder");
    expect(saved.contents[0]?.subject).toBe('{{ customer.first_name | default: "Hi" }}, your cart is saved');
    await page.close();
  });

  it("completes a save that a live preview overlaps, again and again", async () => {
    const page = await open(`/app/templates/${templateId}`);

    // Saving right after typing races the debounced preview, at several offsets.
    for (const [attempt, pauseMs] of [0, 150, 300, 450].entries()) {
      await page.getByLabel("Subject", { exact: true }).fill(`Attempt ${attempt}, {{ customer.first_name }}`);
      await page.waitForTimeout(pauseMs);
      await saveBar(page).getByRole("button", { name: "Save" }).click();
      await toast(page, "Template saved");
      await saveBar(page).waitFor({ state: "hidden" });
      await page.evaluate(() => delete document.body.dataset.lastToast);
    }

    expect((await db.templateContent.findFirstOrThrow({ where: { templateId, locale: "en" } })).subject).toBe("Attempt 3, {{ customer.first_name }}");
    await page.close();
  });

  it("sends a test email through SendGrid and says so in a toast", async () => {
    const page = await open(`/app/templates/${templateId}`);
    await previewSubject(page, "Alex");

    await page.getByLabel("Send to").fill("merchant@test-shop.example");
    await page.getByRole("button", { name: "Send test email" }).click();
    await toast(page, "Test email sent to merchant@test-shop.example");

    expect(sendgrid.messages.map((message) => [message.body.personalizations?.[0]?.to?.[0]?.email, message.body.subject])).toEqual([
      ["merchant@test-shop.example", "[Test] Alex, you left something in your cart"],
    ]);
    expect(await db.stepRun.count()).toBe(0);
    await page.close();
  });

  it("speaks Korean, and edits the Korean content in its own tab", async () => {
    const page = await open(`/app/templates/${templateId}`, "ko");

    await page.getByRole("tab", { name: "한국어" }).click();
    await previewSubject(page, "(광고) Alex님, 장바구니에 담아 두신 상품이 있어요");
    expect(await page.getByLabel("제목", { exact: true }).inputValue()).toContain("(광고)");
    await screenshot(page, "template-editor-ko");
    await page.close();
  });

  it("answers another shop's template with the not-found page", async () => {
    const theirs = await db.template.findFirstOrThrow({ where: { shop: OTHER_SHOP } });
    const page = await open(`/app/templates/${theirs.id}`);

    expect(await page.getByText("It may have been deleted, or it belongs to another shop.").isVisible()).toBe(true);
    expect(await page.getByText(theirs.name).count()).toBe(0);
    await page.close();
  });

  it("creates a new template from the list and opens it", async () => {
    const page = await open("/app/templates");
    expect(await page.getByRole("link", { name: "Reminder (1 hour)" }).isVisible()).toBe(true);

    await page.getByRole("button", { name: "New template" }).click();
    await page.getByLabel("Template name").waitFor();

    const created = await db.template.findFirstOrThrow({ where: { shop: TEST_SHOP }, orderBy: { id: "desc" } });
    expect(new URL(page.url()).pathname).toBe(`/app/templates/${created.id}`);
    expect(await page.getByLabel("Template name").inputValue()).toBe("New template");
    expect(await page.getByRole("tab").allTextContents()).toEqual(["English"]);
    expect(await page.getByRole("button", { name: "Add Korean" }).isVisible()).toBe(true);
    await page.close();
  });
});
