import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { addDays, localDay } from "~/dashboard/local-day";
import { db } from "~/db/client.server";
import { bumpDailyStats, bumpStepDailyStats } from "~/models/daily-stat.server";
import { loader } from "~/routes/app._index";
import { embeddedDocumentRequest } from "../doubles/shopify-session";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";

const OTHER_SHOP = "other-shop.myshopify.com";
const load = async (path: string, options?: Parameters<typeof embeddedDocumentRequest>[1]) =>
  loader({ request: await embeddedDocumentRequest(path, options), params: {}, context: {} });

beforeEach(async () => {
  await resetDatabase();
  await createShop({ currency: "USD" });
  await createShop({ domain: OTHER_SHOP, currency: "USD" });
  await storeOfflineSession();
  await storeOfflineSession(OTHER_SHOP);
});

describe("GET /app (the dashboard's loader)", () => {
  it("answers with the figures of the shop the session token names, and only of it", async () => {
    const today = localDay(new Date(), "America/New_York");
    await bumpDailyStats(db, TEST_SHOP, { day: today }, { abandoned: 4, abandonedValueMinor: 55_108n, enrolled: 3 });
    await bumpStepDailyStats(
      db,
      TEST_SHOP,
      { day: today, position: 1, variantId: null },
      { emailed: 3, delivered: 2, recoveredOrders: 1, recoveredRevenueMinor: 12_823n },
    );
    for (const day of [today, addDays(today, -1)]) {
      await bumpDailyStats(db, OTHER_SHOP, { day }, { abandoned: 900, abandonedValueMinor: 9_000_000n });
      await bumpStepDailyStats(db, OTHER_SHOP, { day, position: 1, variantId: 77 }, { emailed: 800, recoveredOrders: 700, recoveredRevenueMinor: 7_000_000n });
    }

    const { dashboard } = await load("/app?period=7");

    expect(dashboard).toMatchObject({
      period: { length: 7, last: today },
      currency: "USD",
      hasData: true,
      summary: { abandoned: 4, abandonedValue: "551.08", enrolled: 3, emailed: 3, delivered: 2, recovered: { orders: 1, revenue: "128.23" } },
      funnel: [{ position: 1, figures: { sent: 3, recoveredOrders: 1, recoveredRevenue: "128.23" }, variants: [] }],
    });
    expect(dashboard!.series.map((day) => day.abandoned)).toEqual([0, 0, 0, 0, 0, 0, 4]);
    // Plain data for the page: no bigint, no Date.
    expect(JSON.parse(JSON.stringify(dashboard))).toEqual(dashboard);
  });

  it("shows the last 30 days unless asked for 7 or 90", async () => {
    expect((await load("/app")).dashboard?.period.length).toBe(30);
    expect((await load("/app?period=90")).dashboard?.period.length).toBe(90);
    expect((await load("/app?period=1000")).dashboard?.period.length).toBe(30);
  });

  it("refuses a session token signed with another secret", async () => {
    const outcome = await load("/app", { secret: "forged-secret" }).catch((thrown: unknown) => thrown);

    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).not.toBe(200);
  });
});
