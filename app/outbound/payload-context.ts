import { storedCartLines, type CartLine } from "~/checkouts/cart-line";
import { readerLocale } from "~/lib/locale";
import { formatMoney, fromMinorUnits, toMinorUnits } from "~/lib/money";
import { hasEmailMarketingConsent } from "~/recovery/consent";
import type { OfferedDiscount } from "~/templates/context";
import { toE164 } from "./e164";
import type { DeliveryEvent } from "./outbound-events";

/**
 * The variables a destination's payload template sees. Unlike an email's, they are meant for
 * machines: money as decimal strings ("137.77") beside the formatted form ("$137.77"), times in
 * ISO 8601, the phone in E.164, consent as booleans. Absent values are "" (or null for the step of an
 * event that is not a step), so `{{ customer.phone | json }}` always yields valid JSON.
 */
export interface PayloadLine {
  title: string;
  variant_title: string;
  quantity: number;
  price: string;
  price_formatted: string;
  line_total: string;
  line_total_formatted: string;
  sku: string;
  variant_id: string;
  product_id: string;
  image_url: string;
}

export interface PayloadContext {
  event_type: DeliveryEvent;
  occurred_at: string;
  shop: { domain: string; name: string; currency: string };
  checkout: {
    /** Shopify's id of the checkout; "" when Shopify did not send one. */
    id: string;
    token: string;
    status: string;
    created_at: string;
    currency: string;
    subtotal: string;
    subtotal_formatted: string;
    total: string;
    total_formatted: string;
    item_count: number;
    line_items: PayloadLine[];
  };
  customer: {
    first_name: string;
    last_name: string;
    email: string;
    /** E.164, or "" when the shopper gave none or it cannot be made one (see e164.ts). */
    phone: string;
    accepts_email_marketing: boolean;
    accepts_sms_marketing: boolean;
    locale: string;
    /** ISO 3166 alpha-2 code of the checkout's country. */
    country: string;
  };
  recovery_url: string;
  /** The recovery URL after its host ("r/abc?x=1"): the variable part of a WhatsApp URL button. */
  recovery_path: string;
  step: { number: number | null };
  discount: { code: string; kind: string; value: string; value_formatted: string; ends_at: string };
}

export interface PayloadCheckout {
  shopifyId: string | null;
  token: string;
  status: string;
  shopifyCreatedAt: Date;
  currency: string;
  subtotalPrice: string;
  totalPrice: string;
  /** As stored with the checkout. */
  lineItems: unknown;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  countryCode: string | null;
  acceptsEmailMarketing: boolean;
  emailConsentState: string | null;
  acceptsSmsMarketing: boolean;
}

export interface PayloadContextInput {
  event: DeliveryEvent;
  occurredAt: Date;
  shop: { domain: string; name: string | null; currency: string; locale: string };
  checkout: PayloadCheckout;
  /** The link the shopper should follow: a step's tracked link, else Shopify's own recovery URL. */
  recoveryUrl: string | null;
  /** The step's position for a sequence step; null for events and tests. */
  stepNumber: number | null;
  discount?: OfferedDiscount | null;
}

const NO_DISCOUNT = { code: "", kind: "", value: "", value_formatted: "", ends_at: "" };

export function buildPayloadContext({ event, occurredAt, shop, checkout, recoveryUrl, stepNumber, discount }: PayloadContextInput): PayloadContext {
  const locale = readerLocale(checkout.locale, shop.locale);
  const money = (amount: string) => formatMoney(amount, checkout.currency, locale);
  const line = (item: CartLine): PayloadLine => {
    const lineTotal = item.linePrice ?? fromMinorUnits(toMinorUnits(item.price, checkout.currency) * BigInt(item.quantity), checkout.currency);
    return {
      title: item.title,
      variant_title: item.variantTitle ?? "",
      quantity: item.quantity,
      price: item.price,
      price_formatted: money(item.price),
      line_total: lineTotal,
      line_total_formatted: money(lineTotal),
      sku: item.sku ?? "",
      variant_id: item.variantId ?? "",
      product_id: item.productId ?? "",
      image_url: item.imageUrl ?? "",
    };
  };
  const lines = storedCartLines(checkout.lineItems);
  return {
    event_type: event,
    occurred_at: occurredAt.toISOString(),
    shop: { domain: shop.domain, name: shop.name || shop.domain, currency: shop.currency },
    checkout: {
      id: checkout.shopifyId ?? "",
      token: checkout.token,
      status: checkout.status,
      created_at: checkout.shopifyCreatedAt.toISOString(),
      currency: checkout.currency,
      subtotal: checkout.subtotalPrice,
      subtotal_formatted: money(checkout.subtotalPrice),
      total: checkout.totalPrice,
      total_formatted: money(checkout.totalPrice),
      item_count: lines.reduce((count, item) => count + item.quantity, 0),
      line_items: lines.map(line),
    },
    customer: {
      first_name: checkout.firstName ?? "",
      last_name: checkout.lastName ?? "",
      email: checkout.email ?? "",
      phone: toE164(checkout.phone, checkout.countryCode) ?? "",
      accepts_email_marketing: hasEmailMarketingConsent(checkout),
      accepts_sms_marketing: checkout.acceptsSmsMarketing,
      locale: checkout.locale ?? "",
      country: checkout.countryCode ?? "",
    },
    recovery_url: recoveryUrl ?? "",
    recovery_path: pathAfterHost(recoveryUrl),
    step: { number: stepNumber },
    discount: discount
      ? {
          code: discount.code,
          kind: discount.kind,
          value: discount.value,
          value_formatted: discount.kind === "percentage" ? `${discount.value}%` : money(discount.value),
          ends_at: discount.endsAt.toISOString(),
        }
      : NO_DISCOUNT,
  };
}

function pathAfterHost(address: string | null): string {
  const url = address ? URL.parse(address) : null;
  return url ? `${url.pathname}${url.search}`.replace(/^\//, "") : "";
}

