import type { z } from "zod";
import { checkoutIdsOfCustomer, eraseCustomerFromCheckouts } from "~/models/checkout.server";
import { activeEnrollmentsForCheckouts } from "~/models/enrollment.server";
import { eraseCustomerFromDataRequests, recordDataRequest } from "~/models/data-request.server";
import { eraseCustomerFromOrders } from "~/models/order.server";
import { deleteSessions } from "~/models/session.server";
import { deleteShop, findShop } from "~/models/shop.server";
import { eraseSurveyComments } from "~/models/survey-answer.server";
import { eraseCustomerFromDeliveries } from "~/outbound/deliveries.server";
import { deleteReceipts } from "~/models/webhook-receipt.server";
import { stopEnrollment } from "~/recovery/stop-enrollment.server";
import { customersDataRequestPayload, customersRedactPayload, shopRedactPayload } from "./payloads/compliance";
import { oneAtATime, type WebhookHandler } from "./webhook-handler";

// Compliance topics act on every shop we still hold data for, installed or not: shop/redact arrives
// 48 hours after the uninstall.

export const customersDataRequest: WebhookHandler<z.output<typeof customersDataRequestPayload>> = {
  topic: "CUSTOMERS_DATA_REQUEST",
  payload: customersDataRequestPayload,
  payloadShop: (request) => request.shop_domain,
  apply: oneAtATime(async (tx, { shop, payload }) => {
    if (!(await findShop(tx, shop))) return "ignored: no data held for this shop";
    await recordDataRequest(tx, shop, {
      ...payload.customer,
      shopifyRequestId: payload.data_request?.id ?? null,
      orderIds: payload.orders_requested,
    });
    return "recorded for the merchant";
  }),
};

export const customersRedact: WebhookHandler<z.output<typeof customersRedactPayload>> = {
  topic: "CUSTOMERS_REDACT",
  payload: customersRedactPayload,
  payloadShop: (request) => request.shop_domain,
  apply: oneAtATime(async (tx, { shop, payload }) => {
    if (!(await findShop(tx, shop))) return "ignored: no data held for this shop";
    const now = new Date();
    const checkoutIds = await checkoutIdsOfCustomer(tx, shop, payload.customer);
    for (const enrollment of await activeEnrollmentsForCheckouts(tx, shop, checkoutIds)) {
      await stopEnrollment(tx, shop, enrollment, "redacted", now);
    }
    await eraseSurveyComments(tx, shop, checkoutIds);
    await eraseCustomerFromDeliveries(tx, shop, checkoutIds, now);
    const checkouts = await eraseCustomerFromCheckouts(tx, shop, payload.customer, now);
    const orders = await eraseCustomerFromOrders(tx, shop, payload.customer, payload.orders_to_redact);
    await eraseCustomerFromDataRequests(tx, shop, payload.customer);
    return `erased from ${checkouts} checkouts and ${orders} orders`;
  }),
};

export const shopRedact: WebhookHandler<z.output<typeof shopRedactPayload>> = {
  topic: "SHOP_REDACT",
  payload: shopRedactPayload,
  payloadShop: (request) => request.shop_domain,
  apply: oneAtATime(async (tx, { shop, webhookId }) => {
    const deleted = await deleteShop(tx, shop);
    await deleteSessions(tx, shop);
    await deleteReceipts(tx, shop, { except: webhookId });
    return deleted ? "all shop data deleted" : "no data held for this shop";
  }),
};
