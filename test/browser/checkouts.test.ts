import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { applySendgridEvents } from "~/email/sendgrid-event-effects.server";
import { sendgridEvent } from "../doubles/sendgrid-events";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload } from "../factories/payloads";
import { useAdminServer } from "../support/admin-server";
import { openAdminPage, screenshot } from "../support/browser";
import { installShopWithDefaultSequence, tickAt, useSequencer } from "../support/sequencer";
import { storeOfflineSession } from "../support/sessions";

const world = useSequencer();
const admin = useAdminServer();

const shopper = (name: string, customerId: number, fields: Record<string, unknown>) => {
  const email = `${name.toLowerCase()}@example.com`;
  return checkoutPayload({ token: `${name}-token`, cart_token: `${name}-cart`, email, customer: { id: customerId, email, first_name: name, last_name: "Park" }, ...fields });
};

/**
 * Four checkouts the real engine worked on: Ann's first email held by quiet hours, then sent and read;
 * Bo gave no consent, so nothing was sent; Cy completed the checkout; Di is still shopping.
 */
async function seedShop() {
  await installShopWithDefaultSequence();
  await storeOfflineSession();
  await deliverWebhook("checkouts/create", checkoutPayload());
  await deliverWebhook("checkouts/create", shopper("Bo", 2, { buyer_accepts_marketing: false, created_at: "2026-11-20T15:50:00Z", updated_at: "2026-11-20T15:50:00Z" }));
  const completed = { created_at: "2026-11-20T15:30:00Z", updated_at: "2026-11-20T15:40:00Z", completed_at: "2026-11-20T15:40:00Z", total_price: "54.00" };
  await deliverWebhook("checkouts/create", shopper("Cy", 3, completed));
  await tickAt(world.services, "2026-11-20T16:05:00Z");
  // 21:30 in New York: quiet hours hold Ann's email; Bo's stops for want of consent.
  await tickAt(world.services, "2026-11-21T02:30:00Z");
  await tickAt(world.services, "2026-11-21T13:01:00Z");
  const sent = await db.stepRun.findFirstOrThrow({ where: { status: "sent" } });
  const at = (iso: string) => Date.parse(iso) / 1000;
  await db.$transaction((tx) =>
    applySendgridEvents(tx, [
      sendgridEvent("delivered", { stepRunId: sent.id }, { timestamp: at("2026-11-21T13:01:40Z") }),
      sendgridEvent("open", { stepRunId: sent.id }, { timestamp: at("2026-11-21T14:12:00Z") }),
    ]),
  );
  await deliverWebhook("checkouts/create", shopper("Di", 4, { created_at: "2026-11-21T14:00:00Z", updated_at: "2026-11-21T14:00:00Z", total_price: "212.40" }));
  const idOf = async (email: string) => (await db.checkout.findFirstOrThrow({ where: { shop: TEST_SHOP, email } })).id;
  return { ann: await idOf("ann@example.com"), bo: await idOf("bo@example.com") };
}

describe("the checkouts pages in Chromium", () => {
  it("welcome a shop Shopify has reported no checkout for yet", async () => {
    await installShopWithDefaultSequence();
    await storeOfflineSession();
    const page = await openAdminPage(admin.browser, admin.origin, "/app/checkouts");

    await page.getByText("No checkouts yet").waitFor();
    expect(await page.getByPlaceholder("Search by email").count()).toBe(0);
    await page.close();
  });

  it("list the shop's checkouts and filter them by status and email, in the URL", async () => {
    await seedShop();
    const page = await openAdminPage(admin.browser, admin.origin, "/app/checkouts");
    const rows = page.getByRole("row").filter({ hasText: "@example.com" });
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.allInnerTexts()).toEqual([
      expect.stringMatching(/Di Park[\s\S]*di@example\.com[\s\S]*\$212\.40[\s\S]*Open/),
      expect.stringMatching(/Bo Park[\s\S]*bo@example\.com[\s\S]*Abandoned[\s\S]*Not sent/),
      expect.stringMatching(/Ann Lee[\s\S]*\$137\.77[\s\S]*Abandoned[\s\S]*Opened/),
      expect.stringMatching(/cy@example\.com[\s\S]*Completed/),
    ]);
    await screenshot(page, "checkouts");

    await page.getByRole("button", { name: "Status" }).click();
    // The box follows the URL, which the router updates in a transition: click, then wait for it.
    const abandoned = page.getByRole("checkbox", { name: "Abandoned" });
    await abandoned.click();
    await page.waitForURL(/status=abandoned/);
    await expect.poll(() => abandoned.isChecked()).toBe(true);
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining("bo@example.com"), expect.stringContaining("ann@example.com")]);

    await page.keyboard.press("Escape");
    await page.getByPlaceholder("Search by email").fill("bo");
    await page.waitForURL(/email=bo/);
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining("bo@example.com")]);

    await page.goBack();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByPlaceholder("Search by email").inputValue()).toBe("");
    await page.getByPlaceholder("Search by email").fill("nobody");
    await expect(page.getByText("No checkouts match these filters").waitFor()).resolves.toBeUndefined();
    await page.close();
  });

  it("show why each message was or was not sent, in English and Korean", async () => {
    const { ann, bo } = await seedShop();

    const page = await openAdminPage(admin.browser, admin.origin, `/app/checkouts/${ann}`);
    const timeline = page.getByRole("list", { name: "Timeline" });
    await timeline.waitFor();
    const annStory = (await timeline.innerText()).replace(/\s+/g, " ");
    expect(annStory).toContain("Step 1 email postponed");
    expect(annStory).toContain("Quiet hours. It waits until Nov 21, 2026, 8:00 AM.");
    expect(annStory).toContain("Step 1 email sent");
    expect(annStory).toContain("Step 1 email opened");
    expect((await page.getByText(/^Next: /).innerText()).replace(/\s/g, " ")).toBe("Next: Step 2 email, due Nov 21, 2026, 10:54 AM");
    // Polaris measures the header before it shows secondary actions.
    await page.getByRole("button", { name: "Stop the sequence" }).waitFor();
    await screenshot(page, "checkout-timeline");

    await page.goto(page.url().replace(`/app/checkouts/${ann}`, `/app/checkouts/${bo}`));
    await timeline.waitFor();
    const boStory = (await timeline.innerText()).replace(/\s+/g, " ");
    expect(boStory).toContain("Step 1 email not sent");
    expect(boStory).toContain("The shopper hasn't agreed to email marketing, and the shop requires consent.");
    await page.close();

    const korean = await openAdminPage(admin.browser, admin.origin, `/app/checkouts/${ann}`, { locale: "ko" });
    const koreanTimeline = korean.getByRole("list", { name: "타임라인" });
    await koreanTimeline.waitFor();
    const koreanStory = (await koreanTimeline.innerText()).replace(/\s+/g, " ");
    expect(koreanStory).toContain("1단계 이메일 발송을 미뤘어요");
    expect(koreanStory).toContain("방해 금지 시간이에요. 2026. 11. 21. 오전 8:00까지 기다려요.");
    await korean.getByRole("button", { name: "시퀀스 중지" }).waitFor();
    await screenshot(korean, "checkout-timeline-ko");
    await korean.close();
  });

  it("stop the sequence after confirmation, with a toast and a refreshed timeline", async () => {
    const { ann } = await seedShop();
    const page = await openAdminPage(admin.browser, admin.origin, `/app/checkouts/${ann}`);

    await page.getByRole("button", { name: "Stop the sequence" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Stop the sequence" }).click();

    await expect.poll(() => page.evaluate(() => document.body.dataset.lastToast)).toBe("Sequence stopped");
    await expect.poll(async () => (await page.getByRole("list", { name: "Timeline" }).innerText()).replace(/\s+/g, " ")).toContain("Sequence stopped A staff member stopped it.");
    expect(await page.getByRole("button", { name: "Send the next step now" }).isDisabled()).toBe(true);
    await page.close();
  });
});
