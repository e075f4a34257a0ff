import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDays, localDay } from "~/dashboard/local-day";
import { db } from "~/db/client.server";
import { bumpDailyStats, bumpStepDailyStats } from "~/models/daily-stat.server";
import { saveSurveyAnswer } from "~/models/survey-answer.server";
import { ensureDefaultSequence } from "~/recovery/default-sequence.server";
import { createShop } from "../factories/shop";
import { useAdminServer } from "../support/admin-server";
import { openAdminPage, screenshot } from "../support/browser";
import { resetDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";

const admin = useAdminServer();

/** A shop three months into recovering carts: a busy today, a week-old day and a two-month-old one. */
async function seedShopWithFigures() {
  await resetDatabase();
  await createShop();
  await ensureDefaultSequence(db, TEST_SHOP);
  await storeOfflineSession();
  const firstStep = await db.step.findFirstOrThrow({ where: { position: 1, version: { sequence: { shop: TEST_SHOP } } } });
  const [a, b] = await db.stepVariant.createManyAndReturn({
    data: [
      { stepId: firstStep.id, label: "A", weight: 50 },
      { stepId: firstStep.id, label: "B", weight: 50 },
    ],
  });
  const today = localDay(new Date(), "America/New_York");
  const days = { today, tenDaysAgo: addDays(today, -10), sixtyDaysAgo: addDays(today, -60) };
  await bumpDailyStats(db, TEST_SHOP, { day: days.today }, { abandoned: 12, abandonedValueMinor: 165_324n, enrolled: 11 });
  await bumpStepDailyStats(
    db,
    TEST_SHOP,
    { day: days.today, position: 1, variantId: a!.id },
    { emailed: 6, delivered: 6, opened: 3, clicked: 2, recoveredOrders: 2, recoveredRevenueMinor: 25_646n },
  );
  await bumpStepDailyStats(
    db,
    TEST_SHOP,
    { day: days.today, position: 1, variantId: b!.id },
    { emailed: 5, delivered: 4, opened: 1, clicked: 1, recoveredOrders: 1, recoveredRevenueMinor: 8_999n },
  );
  await bumpStepDailyStats(
    db,
    TEST_SHOP,
    { day: days.today, position: 2, variantId: null },
    { emailed: 4, delivered: 4, opened: 2, afterEmailOrders: 1, afterEmailRevenueMinor: 5_000n },
  );
  await bumpDailyStats(db, TEST_SHOP, { day: days.tenDaysAgo }, { abandoned: 20, abandonedValueMinor: 300_000n, enrolled: 18 });
  await bumpStepDailyStats(
    db,
    TEST_SHOP,
    { day: days.tenDaysAgo, position: 1, variantId: a!.id },
    { emailed: 18, delivered: 18, recoveredOrders: 4, recoveredRevenueMinor: 40_000n },
  );
  await bumpDailyStats(db, TEST_SHOP, { day: days.sixtyDaysAgo }, { abandoned: 40, enrolled: 40 });
  for (const [index, reason] of (["shipping_cost", "shipping_cost", "shipping_cost", "price"] as const).entries()) {
    await saveSurveyAnswer(db, TEST_SHOP, { stepRunId: index + 1, checkoutId: index + 1, reason, answeredAt: new Date() });
  }
}

const figure = (page: Page, label: string) => page.getByRole("region", { name: label, exact: true }).getByRole("paragraph").first();

/** Errors the page itself raised (hydration mismatches among them); refused third-party requests are expected. */
function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
  });
  return errors;
}

describe("the recovery dashboard in Chromium", () => {
  it("shows the key figures, the daily chart and the funnel, and changes period on request", async () => {
    await seedShopWithFigures();
    const page = await openAdminPage(admin.browser, admin.origin, "/app");
    const errors = collectPageErrors(page);
    await page.waitForLoadState("networkidle");

    expect(await figure(page, "Abandoned checkouts").textContent()).toBe("32");
    expect(await figure(page, "Recovered orders").textContent()).toBe("7");
    expect(await figure(page, "Recovered revenue").textContent()).toBe("$746.45");
    expect(await figure(page, "Bought after email").textContent()).toBe("$50.00");
    expect(await figure(page, "Recovery rate").textContent()).toBe("21.9%");
    expect(await figure(page, "Emails sent").textContent()).toBe("33");

    const funnel = page.getByRole("region", { name: "By step" }).getByRole("table");
    expect(await funnel.getByRole("row").allTextContents()).toEqual([
      "StepSentDeliveredOpenedClickedRecoveredRevenue",
      "Step 1Email 1 hour after abandonment2928437$746.45",
      "Variant A2424326$656.46",
      "Variant B54111$89.99",
      "Step 2Email 24 hours after abandonment44200$0.00",
      "Step 3Email 72 hours after abandonment00000$0.00",
    ]);
    const chart = page.getByRole("region", { name: "Abandoned and recovered, by day" });
    await chart.locator("svg").first().waitFor();
    expect(await chart.getByText(/abandoned checkouts: 32; recovered orders: 7\. Most abandoned on .+: 20\./).count()).toBe(1);
    const survey = page.getByRole("list").filter({ hasText: "Shipping cost more than I expected" });
    // Each item reads "reason, count · share", then the bar's own text.
    expect(await survey.getByRole("listitem").allTextContents()).toEqual(
      [
        "Shipping cost more than I expected3 · 75%",
        "The price was more than I wanted to pay1 · 25%",
        "I was just looking around0 · 0%",
        "I had trouble paying0 · 0%",
        "Something else0 · 0%",
      ].map((start) => expect.stringMatching(new RegExp(`^${start}`))),
    );
    expect(await page.getByRole("progressbar", { name: "Shipping cost more than I expected" }).getAttribute("value")).toBe("75");
    await screenshot(page, "dashboard");

    await page.getByRole("button", { name: "7 days" }).click();
    await page.waitForURL(/period=7/);
    await expect.poll(() => figure(page, "Abandoned checkouts").textContent()).toBe("12");
    expect(await figure(page, "Recovered orders").textContent()).toBe("3");
    expect(await page.getByRole("button", { name: "7 days" }).getAttribute("aria-pressed")).toBe("true");

    await page.getByRole("button", { name: "90 days" }).click();
    await expect.poll(() => figure(page, "Abandoned checkouts").textContent()).toBe("72");

    expect(errors).toEqual([]);
    await page.close();
  });

  it("speaks Korean to a Korean admin", async () => {
    await seedShopWithFigures();
    const page = await openAdminPage(admin.browser, admin.origin, "/app", { locale: "ko" });
    await page.waitForLoadState("networkidle");

    expect(await figure(page, "이탈한 결제").textContent()).toBe("32");
    expect(await figure(page, "복구율").textContent()).toBe("21.9%");
    expect(await page.getByRole("region", { name: "단계별 성과" }).getByRole("row").nth(2).textContent()).toContain("변형 A");
    await page.getByRole("region", { name: "일별 이탈 및 복구" }).locator("svg").first().waitFor();
    await screenshot(page, "dashboard-ko");
    await page.close();
  });

  it("explains what will happen to a shop with nothing to show yet", async () => {
    await resetDatabase();
    await createShop({ abandonmentMinutes: 15 });
    await ensureDefaultSequence(db, TEST_SHOP);
    await storeOfflineSession();
    const page = await openAdminPage(admin.browser, admin.origin, "/app");
    await page.waitForLoadState("networkidle");

    expect(await page.getByText("Your recovery figures will show here").count()).toBe(1);
    expect(await page.getByText("A checkout left alone for 15 minutes counts as abandoned.").count()).toBe(1);
    expect(await page.getByText("Your sequence then emails the shopper 1 hour, 24 hours, and 72 hours after abandonment.").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Review settings" }).getAttribute("href")).toContain("/app/settings");
    expect(await page.getByRole("link", { name: "Edit the sequence" }).getAttribute("href")).toContain("/app/sequence");
    await screenshot(page, "dashboard-empty");
    await page.close();
  });
});
