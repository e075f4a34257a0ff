import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { listDataRequests } from "~/models/data-request.server";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { customersDataRequestPayload } from "../factories/payloads";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

beforeEach(async () => {
  await resetDatabase();
});

describe("customers/data_request webhook", () => {
  it("records the request so the merchant can answer it", async () => {
    await createShop();
    const response = await deliverWebhook("customers/data_request", customersDataRequestPayload());

    expect(response.status).toBe(200);
    expect(await listDataRequests(db, TEST_SHOP)).toEqual([
      expect.objectContaining({
        shopifyRequestId: "9999",
        customerId: "7677484597543",
        email: "ann@example.com",
        phone: "+15025550142",
        orderIds: ["5912847362183"],
        answeredAt: null,
      }),
    ]);
  });

  it("is recorded for an uninstalled shop whose data we still hold", async () => {
    await createShop({ status: "uninstalled" });
    await deliverWebhook("customers/data_request", customersDataRequestPayload());

    expect(await db.dataRequest.count()).toBe(1);
  });

  it("is acknowledged without a record when we hold nothing for the shop", async () => {
    const response = await deliverWebhook("customers/data_request", customersDataRequestPayload());

    expect(response.status).toBe(200);
    expect(await db.dataRequest.count()).toBe(0);
  });
});
