import { storedCartLines } from "~/checkouts/cart-line";
import { SAMPLE_DISCOUNT } from "~/checkouts/sample-checkout";
import type { Db } from "~/db/client.server";
import { findCheckout } from "~/models/checkout.server";
import { findShop } from "~/models/shop.server";
import { buildTemplateContext } from "~/templates/context";
import { buildSampleContext } from "~/templates/sample-context";
import type { TemplateContext } from "~/templates/template-context";

/**
 * The variables a preview or test email is rendered with: the sample cart formatted in the language
 * being edited, or one of the shop's stored checkouts, in the shop's own name either way. Links and the
 * discount are the sample's, never real ones: a preview is no step run, so nothing it shows can record
 * a click, unsubscribe the shopper or spend a code. Null when the checkout is not the shop's.
 */
export async function previewContext(db: Db, shop: string, { locale, checkoutId }: { locale: string; checkoutId: number | null }): Promise<TemplateContext | null> {
  const record = await findShop(db, shop);
  const shopInput = { name: record?.name ?? null, domain: shop, currency: record?.currency ?? "USD", locale: record?.locale ?? "en", timezone: record?.timezone };
  const sample = buildSampleContext({ ...shopInput, locale });
  if (checkoutId === null) return sample;
  const checkout = await findCheckout(db, shop, checkoutId);
  if (!checkout) return null;
  return buildTemplateContext({
    shop: shopInput,
    checkout: { ...checkout, lineItems: storedCartLines(checkout.lineItems) },
    links: { recoveryUrl: sample.recovery_url, unsubscribeUrl: sample.unsubscribe_url, survey: sample.survey },
    stepNumber: sample.step.number,
    discount: SAMPLE_DISCOUNT,
  });
}
