import { fromMinorUnits, toMinorUnits } from "~/lib/money";
import type { Shopper } from "./shoppers";

// Checkout and order bodies shaped like Shopify's 2026-10 webhook payloads, for the demo's shoppers.

const cents = (amount: string) => toMinorUnits(amount, "USD");
const money = (minor: bigint) => fromMinorUnits(minor, "USD");
const TAX_PERCENT = 6n;

function totals(shopper: Shopper) {
  const subtotal = shopper.lines.reduce((sum, line) => sum + cents(line.price) * BigInt(line.quantity), 0n);
  const tax = (subtotal * TAX_PERCENT + 50n) / 100n;
  return { subtotal: money(subtotal), tax: money(tax), total: money(subtotal + tax) };
}

export function cartTotal(shopper: Shopper): string {
  return totals(shopper).total;
}

export function checkoutBody(shopper: Shopper, shopDomain: string, updatedAt: Date, completedAt: Date | null = null) {
  const { subtotal, tax, total } = totals(shopper);
  const address = { first_name: shopper.firstName, last_name: shopper.lastName, country_code: shopper.country, phone: shopper.phone };
  return {
    id: 37_000_000_000_000 + shopper.index,
    token: shopper.token,
    cart_token: shopper.cartToken,
    email: shopper.email,
    phone: null,
    sms_marketing_phone: shopper.smsConsent ? shopper.phone : null,
    buyer_accepts_marketing: shopper.persona.kind !== "no_consent",
    buyer_accepts_sms_marketing: shopper.smsConsent,
    customer_locale: shopper.locale,
    currency: "USD",
    presentment_currency: "USD",
    subtotal_price: subtotal,
    total_tax: tax,
    total_discounts: "0.00",
    total_price: total,
    created_at: shopper.startedAt.toISOString(),
    updated_at: updatedAt.toISOString(),
    completed_at: completedAt?.toISOString() ?? null,
    abandoned_checkout_url: `https://${shopDomain}/80371122466/checkouts/ac/${shopper.cartToken}/recover?key=${shopper.token.slice(0, 16)}`,
    line_items: shopper.lines.map((line) => ({
      key: String(line.variantId),
      title: line.title,
      variant_title: line.variantTitle,
      quantity: line.quantity,
      price: line.price,
      line_price: money(cents(line.price) * BigInt(line.quantity)),
      variant_id: line.variantId,
      product_id: line.productId,
      sku: line.sku,
    })),
    billing_address: shopper.email ? address : [],
    shipping_address: shopper.email ? address : [],
    customer: shopper.email
      ? { id: shopper.customerId, email: shopper.email, first_name: shopper.firstName, last_name: shopper.lastName, phone: shopper.phone }
      : null,
  };
}

export function orderBody(shopper: Shopper, createdAt: Date, orderNumber: number, discountCode: string | null = null) {
  return {
    id: 5_900_000_000_000 + shopper.index,
    name: `#${orderNumber}`,
    checkout_token: shopper.token,
    cart_token: shopper.cartToken,
    email: shopper.email,
    phone: shopper.phone,
    customer: shopper.email ? { id: shopper.customerId, email: shopper.email } : null,
    created_at: createdAt.toISOString(),
    currency: "USD",
    total_price: cartTotal(shopper),
    discount_codes: discountCode ? [{ code: discountCode, amount: "0.00", type: "percentage" }] : [],
    landing_site: "/",
  };
}
