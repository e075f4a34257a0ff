import type { CartLine } from "~/checkouts/cart-line";
import { readerLocale } from "~/lib/locale";
import { formatMoney, toMinorUnits } from "~/lib/money";
import { SURVEY_REASONS, type SurveyReason } from "~/recovery/survey-reasons";
import type { TemplateContext, TemplateLine } from "~/templates/template-context";

/** A discount a message offers, as stored: value "15" for 15 %, or an amount in the checkout's currency. */
export interface OfferedDiscount {
  code: string;
  kind: "percentage" | "fixed_amount";
  value: string;
  endsAt: Date;
}

export interface TemplateContextInput {
  shop: { name: string | null; domain: string; currency: string; locale: string; timezone?: string };
  checkout: {
    email: string | null;
    firstName: string | null;
    lastName: string | null;
    currency: string;
    subtotalPrice: string;
    totalPrice: string;
    locale: string | null;
    lineItems: CartLine[];
  };
  links: { recoveryUrl: string; unsubscribeUrl: string; survey?: Record<SurveyReason, string> };
  stepNumber: number;
  discount?: OfferedDiscount | null;
}

const NO_DISCOUNT = { code: "", value: "", ends_at: "" };

/** The variables one recovery message sees: prices in the checkout's currency, formatted for its reader. */
export function buildTemplateContext({ shop, checkout, links, stepNumber, discount }: TemplateContextInput): TemplateContext {
  const locale = readerLocale(checkout.locale, shop.locale);
  const money = (amount: string | bigint) => formatMoney(amount, checkout.currency, locale);
  const line = (item: CartLine): TemplateLine => ({
    title: item.title,
    variant_title: item.variantTitle ?? "",
    quantity: item.quantity,
    price: money(item.price),
    line_total: money(item.linePrice ?? toMinorUnits(item.price, checkout.currency) * BigInt(item.quantity)),
    image_url: item.imageUrl ?? "",
  });
  return {
    // A shop that has not told us its name yet is still known by its domain.
    shop: { name: shop.name || shop.domain, domain: shop.domain, currency: shop.currency },
    customer: { first_name: checkout.firstName ?? "", last_name: checkout.lastName ?? "", email: checkout.email ?? "" },
    cart: {
      line_items: checkout.lineItems.map(line),
      item_count: checkout.lineItems.reduce((count, item) => count + item.quantity, 0),
      subtotal: money(checkout.subtotalPrice),
      total: money(checkout.totalPrice),
      currency: checkout.currency,
    },
    recovery_url: links.recoveryUrl,
    unsubscribe_url: links.unsubscribeUrl,
    step: { number: stepNumber },
    discount: discount
      ? {
          code: discount.code,
          value: discount.kind === "percentage" ? percent(discount.value, locale) : money(discount.value),
          ends_at: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: shop.timezone ?? "UTC" }).format(discount.endsAt),
        }
      : NO_DISCOUNT,
    survey: links.survey ?? (Object.fromEntries(SURVEY_REASONS.map((reason) => [reason, ""])) as Record<SurveyReason, string>),
  };
}

/** "15" → "15%" in the reader's conventions (a percentage, not money, so a float is fine here). */
function percent(value: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(Number(value) / 100);
}

/**
 * Picks the language of a template for a reader: the checkout's language ("ko-KR" reads a "ko" template),
 * else the shop's, else English, else whatever the template has.
 */
export function chooseLocale(available: string[], checkoutLocale: string | null, shopLocale: string): string {
  for (const wanted of [checkoutLocale, shopLocale, "en"]) {
    const match = wanted ? closestLocale(available, wanted) : undefined;
    if (match) return match;
  }
  const [first] = available;
  if (first === undefined) throw new RangeError("A template needs content in at least one language");
  return first;
}

function closestLocale(available: string[], wanted: string): string | undefined {
  const tag = wanted.toLowerCase();
  return available.find((locale) => locale.toLowerCase() === tag) ?? available.find((locale) => language(locale) === language(tag));
}

function language(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0] ?? "";
}

