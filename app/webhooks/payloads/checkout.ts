import { z } from "zod";
import type { CartLine } from "~/checkouts/cart-line";
import type { CheckoutSnapshot } from "~/models/checkout.server";
import { address, currencyCode, decimalAmount, email, flag, optional, phone, shopifyId, text, timestamp, token, url } from "./fields";

const lineItem = z
  .object({
    title: z.string().max(1000),
    variant_title: text,
    quantity: z.number().int().nonnegative().max(1_000_000),
    price: decimalAmount,
    line_price: decimalAmount.nullish(),
    variant_id: shopifyId.nullish(),
    product_id: shopifyId.nullish(),
    sku: text,
  })
  .transform(
    (line): CartLine => ({
      title: line.title,
      variantTitle: line.variant_title,
      quantity: line.quantity,
      price: line.price,
      linePrice: line.line_price ?? null,
      variantId: line.variant_id ?? null,
      productId: line.product_id ?? null,
      sku: line.sku,
      imageUrl: null,
    }),
  );

const customer = z
  .object({
    id: shopifyId.nullish(),
    email,
    phone,
    first_name: text,
    last_name: text,
    email_marketing_consent: z.object({ state: text }).nullish(),
  })
  .nullish();

/** checkouts/create and checkouts/update share this shape. */
export const checkoutPayload = z
  .object({
    token,
    id: shopifyId.nullish(),
    cart_token: optional(token.nullish()),
    email,
    phone,
    sms_marketing_phone: phone,
    buyer_accepts_marketing: flag,
    buyer_accepts_sms_marketing: flag,
    customer_locale: text,
    currency: currencyCode,
    presentment_currency: currencyCode.nullish(),
    subtotal_price: decimalAmount,
    total_price: decimalAmount,
    total_tax: decimalAmount.nullish(),
    total_discounts: decimalAmount.nullish(),
    line_items: z.array(lineItem).max(1000).nullish(),
    abandoned_checkout_url: url,
    billing_address: address,
    shipping_address: address,
    customer,
    created_at: timestamp,
    updated_at: timestamp,
    completed_at: timestamp.nullish(),
  })
  .transform(
    (checkout): CheckoutSnapshot => ({
      token: checkout.token,
      cartToken: checkout.cart_token,
      shopifyId: checkout.id ?? null,
      email: checkout.email ?? checkout.customer?.email ?? null,
      phone: checkout.phone ?? checkout.sms_marketing_phone ?? checkout.customer?.phone ?? null,
      firstName: checkout.customer?.first_name ?? checkout.billing_address?.first_name ?? checkout.shipping_address?.first_name ?? null,
      lastName: checkout.customer?.last_name ?? checkout.billing_address?.last_name ?? checkout.shipping_address?.last_name ?? null,
      customerId: checkout.customer?.id ?? null,
      locale: checkout.customer_locale,
      countryCode: checkout.shipping_address?.country_code ?? checkout.billing_address?.country_code ?? null,
      acceptsEmailMarketing: checkout.buyer_accepts_marketing,
      emailConsentState: checkout.customer?.email_marketing_consent?.state ?? null,
      acceptsSmsMarketing: checkout.buyer_accepts_sms_marketing,
      // Checkout prices are in the currency the shopper saw.
      currency: checkout.presentment_currency ?? checkout.currency,
      subtotalPrice: checkout.subtotal_price,
      totalPrice: checkout.total_price,
      totalTax: checkout.total_tax ?? null,
      totalDiscounts: checkout.total_discounts ?? null,
      lineItems: checkout.line_items ?? [],
      recoveryUrl: checkout.abandoned_checkout_url,
      shopifyCreatedAt: checkout.created_at,
      shopifyUpdatedAt: checkout.updated_at,
      completedAt: checkout.completed_at ?? null,
    }),
  );
