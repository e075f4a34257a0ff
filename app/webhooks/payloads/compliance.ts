import { z } from "zod";
import type { CustomerIdentity } from "~/models/customer-identity";
import { email, phone, shopDomain, shopifyId, text } from "./fields";

const customer = z
  .object({ id: shopifyId.nullish(), email, phone })
  .transform((value): CustomerIdentity => ({ customerId: value.id ?? null, email: value.email, phone: value.phone }));

const orderIds = z
  .array(shopifyId)
  .max(10_000)
  .nullish()
  .transform((ids) => ids ?? []);

export const customersDataRequestPayload = z.object({
  shop_domain: shopDomain,
  customer,
  orders_requested: orderIds,
  data_request: z.object({ id: shopifyId }).nullish(),
});

export const customersRedactPayload = z.object({
  shop_domain: shopDomain,
  customer,
  orders_to_redact: orderIds,
});

export const shopRedactPayload = z.object({ shop_domain: shopDomain });

/** app/uninstalled carries the Shop resource; only its domain matters here. */
export const appUninstalledPayload = z.object({ myshopify_domain: text });
