import { SAMPLE_CHECKOUT, SAMPLE_DISCOUNT, SAMPLE_SHOP } from "~/checkouts/sample-checkout";
import { SURVEY_REASONS, type SurveyReason } from "~/recovery/survey-reasons";
import { buildTemplateContext, type TemplateContextInput } from "~/templates/context";
import type { TemplateContext } from "~/templates/template-context";

/** An unsubscribe link as the sample context gives it; free of characters HTML escaping would change. */
export const SAMPLE_UNSUBSCRIBE_URL = "https://comeback.example/u/sample-unsubscribe-token";

/**
 * A believable cart for previews and validation: a named shopper, a line with image and variant whose
 * total is computed, and a line with neither.
 */
export function buildSampleContext(shop: TemplateContextInput["shop"] = SAMPLE_SHOP): TemplateContext {
  return buildTemplateContext({
    shop,
    checkout: { ...SAMPLE_CHECKOUT, currency: shop.currency, locale: shop.locale },
    links: {
      recoveryUrl: `https://${shop.domain}/checkouts/cn/sample/recover`,
      unsubscribeUrl: SAMPLE_UNSUBSCRIBE_URL,
      survey: Object.fromEntries(SURVEY_REASONS.map((reason) => [reason, `https://comeback.example/s/sample-survey-token?reason=${reason}`])) as Record<SurveyReason, string>,
    },
    stepNumber: 1,
    discount: SAMPLE_DISCOUNT,
  });
}
