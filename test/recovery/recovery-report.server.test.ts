import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { recoveryReport } from "~/recovery/recovery-report.server";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const PERIOD = { from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-12-01T00:00:00Z") };
const SHOP = { domain: TEST_SHOP, currency: "USD" };

async function order(shopifyId: string, totalPriceMinor: bigint, attribution: string | null, currency = "USD") {
  await db.order.create({
    data: {
      shop: TEST_SHOP,
      shopifyId,
      currency,
      totalPrice: "0.00",
      totalPriceMinor,
      discountCodes: [],
      attribution,
      shopifyCreatedAt: new Date("2026-11-21T10:00:00Z"),
    },
  });
}

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("recoveryReport", () => {
  it("counts each message once per state, and keeps recovered revenue apart from bought-after-email", async () => {
    const clicked = new Date("2026-11-20T17:00:00Z");
    await createSentMessage({ stepRun: { deliveredAt: clicked, firstOpenedAt: clicked, firstClickedAt: clicked, lastClickedAt: clicked } });
    await createSentMessage({ checkout: { email: "bob@example.com" }, stepRun: { deliveredAt: clicked } });
    await order("1", 12_823n, "clicked");
    await order("2", 5_000n, "after_email");
    await order("3", 9_999n, null);
    await order("4", 7_000n, "clicked", "EUR");

    expect(await recoveryReport(db, SHOP, PERIOD)).toEqual({
      currency: "USD",
      checkouts: 2,
      abandoned: 2,
      enrolled: 2,
      holdout: 0,
      emailed: 2,
      delivered: 2,
      opened: 1,
      clicked: 1,
      recovered: { orders: 1, revenueMinor: 12_823n },
      boughtAfterEmail: { orders: 1, revenueMinor: 5_000n },
    });
  });

  it("counts only the period asked for", async () => {
    await createSentMessage();
    expect(await recoveryReport(db, SHOP, { from: new Date("2026-12-01T00:00:00Z"), to: new Date("2027-01-01T00:00:00Z") })).toMatchObject({
      checkouts: 0,
      abandoned: 0,
      emailed: 0,
    });
  });
});
