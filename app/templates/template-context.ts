import type { SurveyReason } from "~/recovery/survey-reasons";

/**
 * The variables a recovery template sees, named the way Shopify's own Liquid names them. Money is
 * already formatted in the checkout's currency and locale; unknown names are empty strings so that
 * `{{ customer.first_name | default: "there" }}` works.
 */
export interface TemplateLine {
  title: string;
  variant_title: string;
  quantity: number;
  price: string;
  line_total: string;
  image_url: string;
}

export interface TemplateContext {
  shop: { name: string; domain: string; currency: string };
  customer: { first_name: string; last_name: string; email: string };
  cart: { line_items: TemplateLine[]; item_count: number; subtotal: string; total: string; currency: string };
  recovery_url: string;
  unsubscribe_url: string;
  step: { number: number };
  /** The step's unique code, its value ("15%", "$10.00") and expiry; all "" when the step offers none. */
  discount: { code: string; value: string; ends_at: string };
  /** One-click survey answers: `survey.shipping_cost`, `survey.price`, … are URLs. */
  survey: Record<SurveyReason, string>;
}

/** A template's Liquid source in one language. A null text part is generated from the HTML. */
export interface TemplateSource {
  subject: string;
  preheader: string;
  html: string;
  text: string | null;
}

export interface RenderedEmail {
  subject: string;
  preheader: string;
  html: string;
  text: string;
}
