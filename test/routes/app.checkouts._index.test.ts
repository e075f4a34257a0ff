import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { loader } from "~/routes/app.checkouts._index";
import { embeddedDocumentRequest } from "../doubles/shopify-session";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload } from "../factories/payloads";
import { createCheckout } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";

const OTHER_SHOP = "other-shop.myshopify.com";

const list = async (search = "", shop = TEST_SHOP) => loader({ request: await embeddedDocumentRequest(`/app/checkouts?${search}`, { shop }), params: {}, context: {} });
const emails = (page: Awaited<ReturnType<typeof list>>) => page.rows.map((row) => row.email);

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  await createShop({ domain: OTHER_SHOP, timezone: "Asia/Seoul" });
  await storeOfflineSession();
  await storeOfflineSession(OTHER_SHOP);
});

describe("GET /app/checkouts", () => {
  it("lists the shop's checkouts newest first, with customer, total, status and latest activity", async () => {
    await createCheckout({ email: "older@example.com", firstName: "Old", lastName: "Timer", shopifyCreatedAt: new Date("2026-11-19T10:00:00Z") });
    await deliverWebhook("checkouts/create", checkoutPayload());

    const page = await list();

    expect(page.shop).toEqual({ timezone: "America/New_York", currency: "USD" });
    expect(page.rows).toEqual([
      {
        id: expect.any(Number),
        status: "open",
        createdAt: "2026-11-20T15:42:16.000Z",
        customerName: "Ann Lee",
        email: "ann@example.com",
        redacted: false,
        totalPrice: "137.77",
        currency: "USD",
        lastActivity: { kind: "webhook_received", at: "2026-11-20T15:44:02.000Z" },
      },
      expect.objectContaining({ email: "older@example.com", customerName: "Old Timer", lastActivity: null }),
    ]);
    expect(page.pageInfo).toEqual({ hasNext: false, hasPrevious: false, nextCursor: null, previousCursor: null });
  });

  it("filters by status, email prefix, creation day in the shop's timezone, email presence and value in its currency", async () => {
    // 22:00 on the 20th in New York, and 00:30 on the 21st.
    await createCheckout({ email: "late-evening@example.com", status: "abandoned", shopifyCreatedAt: new Date("2026-11-21T03:00:00Z") });
    await createCheckout({ email: "after-midnight@example.com", status: "recovered", shopifyCreatedAt: new Date("2026-11-21T05:30:00Z") });
    await createCheckout({ email: null, status: "abandoned", totalPrice: "15.00", totalPriceMinor: 1500n, shopifyCreatedAt: new Date("2026-11-20T12:00:00Z") });

    expect(emails(await list("status=abandoned"))).toEqual(["late-evening@example.com", null]);
    expect(emails(await list("email=AFTER"))).toEqual(["after-midnight@example.com"]);
    expect(emails(await list("from=2026-11-20&to=2026-11-20"))).toEqual(["late-evening@example.com", null]);
    expect(emails(await list("from=2026-11-21"))).toEqual(["after-midnight@example.com"]);
    expect(emails(await list("hasEmail=no"))).toEqual([null]);
    expect(emails(await list("max=20"))).toEqual([null]);
    expect(emails(await list("min=100&status=recovered"))).toEqual(["after-midnight@example.com"]);
    expect((await list("status=completed")).query).toMatchObject({ statuses: ["completed"] });
  });

  it("pages by cursor in the URL, forwards and back", async () => {
    for (let minute = 0; minute < 27; minute += 1) {
      await createCheckout({ email: `shopper-${String(minute).padStart(2, "0")}@example.com`, shopifyCreatedAt: new Date(Date.UTC(2026, 10, 20, 12, minute)) });
    }

    const first = await list();
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0]?.email).toBe("shopper-26@example.com");
    expect(first.pageInfo).toMatchObject({ hasNext: true, hasPrevious: false, previousCursor: null });

    const second = await list(`after=${first.pageInfo.nextCursor}`);
    expect(emails(second)).toEqual(["shopper-01@example.com", "shopper-00@example.com"]);
    expect(second.pageInfo).toMatchObject({ hasNext: false, hasPrevious: true, nextCursor: null });

    expect(emails(await list(`before=${second.pageInfo.previousCursor}`))).toEqual(emails(first));
  });

  it("never shows another shop's checkouts, whatever the filters", async () => {
    await createCheckout({ email: "ours@example.com" });
    await createCheckout({ shop: OTHER_SHOP, email: "theirs@example.com" });

    expect(emails(await list())).toEqual(["ours@example.com"]);
    expect(emails(await list("email=theirs"))).toEqual([]);
    expect(emails(await list("", OTHER_SHOP))).toEqual(["theirs@example.com"]);
    expect(await db.checkout.count()).toBe(2);
  });
});
