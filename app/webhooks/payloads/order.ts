import { z } from "zod";
import type { OrderRecord } from "~/models/order.server";
import { currencyCode, decimalAmount, email, optional, phone, shopifyId, text, timestamp, token } from "./fields";

export const orderPayload = z
  .object({
    id: shopifyId,
    name: text,
    checkout_token: optional(token.nullish()),
    cart_token: optional(token.nullish()),
    email,
    contact_email: email,
    phone,
    customer: z.object({ id: shopifyId.nullish(), email, phone }).nullish(),
    created_at: timestamp,
    currency: currencyCode,
    total_price: decimalAmount,
    discount_codes: z
      .array(z.object({ code: z.string().max(255) }))
      .max(100)
      .nullish(),
    landing_site: optional(z.string().max(2048).nullish()),
  })
  .transform(
    (order): OrderRecord => ({
      shopifyId: order.id,
      name: order.name,
      checkoutToken: order.checkout_token,
      cartToken: order.cart_token,
      customerId: order.customer?.id ?? null,
      email: order.email ?? order.contact_email ?? order.customer?.email ?? null,
      phone: order.phone ?? order.customer?.phone ?? null,
      currency: order.currency,
      totalPrice: order.total_price,
      discountCodes: (order.discount_codes ?? []).map((discount) => discount.code),
      landingSite: order.landing_site,
      shopifyCreatedAt: order.created_at,
    }),
  );
