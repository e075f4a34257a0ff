import { SURVEY_REASONS, type SurveyReason } from "~/recovery/survey-reasons";
import { buildTemplateContext, type TemplateContextInput } from "~/templates/context";
import type { TemplateContext } from "~/templates/template-context";

const EXAMPLE_SHOP: TemplateContextInput["shop"] = {
  name: "Example Store",
  domain: "example-store.myshopify.com",
  currency: "USD",
  locale: "en",
};

/** An unsubscribe link as the sample context gives it; free of characters HTML escaping would change. */
export const SAMPLE_UNSUBSCRIBE_URL = "https://comeback.example/u/sample-unsubscribe-token";

/**
 * A believable cart for previews and validation: a named shopper, a line with image and variant whose
 * total is computed, and a line with neither.
 */
export function buildSampleContext(shop: TemplateContextInput["shop"] = EXAMPLE_SHOP): TemplateContext {
  return buildTemplateContext({
    shop,
    checkout: {
      email: "alex.rivera@example.com",
      firstName: "Alex",
      lastName: "Rivera",
      currency: shop.currency,
      subtotalPrice: "113.00",
      totalPrice: "121.50",
      locale: shop.locale,
      lineItems: [
        {
          title: "Linen Shirt",
          variantTitle: "Sand / M",
          quantity: 2,
          price: "34.00",
          linePrice: null,
          variantId: "gid://shopify/ProductVariant/1",
          productId: "gid://shopify/Product/1",
          sku: "LS-SAND-M",
          imageUrl: "https://cdn.shopify.com/s/files/1/0000/0001/files/linen-shirt.jpg",
        },
        {
          title: "Canvas Tote",
          variantTitle: null,
          quantity: 1,
          price: "45.00",
          linePrice: "45.00",
          variantId: "gid://shopify/ProductVariant/2",
          productId: "gid://shopify/Product/2",
          sku: null,
          imageUrl: null,
        },
      ],
    },
    links: {
      recoveryUrl: `https://${shop.domain}/checkouts/cn/sample/recover`,
      unsubscribeUrl: SAMPLE_UNSUBSCRIBE_URL,
      survey: Object.fromEntries(SURVEY_REASONS.map((reason) => [reason, `https://comeback.example/s/sample-survey-token?reason=${reason}`])) as Record<SurveyReason, string>,
    },
    stepNumber: 1,
    discount: { code: "COMEBACK-SAMPLE", kind: "percentage", value: "10", endsAt: new Date("2030-01-15T12:00:00Z") },
  });
}
