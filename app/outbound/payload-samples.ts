import { SAMPLE_CHECKOUT, SAMPLE_DISCOUNT, SAMPLE_SHOP } from "~/checkouts/sample-checkout";
import { buildPayloadContext, type PayloadContext } from "./payload-context";

/** A believable abandoned cart for previews and for validating a payload template. */
export function samplePayloadContext(): PayloadContext {
  return buildPayloadContext({
    event: "checkout.abandoned",
    occurredAt: new Date("2030-01-14T16:00:00Z"),
    shop: SAMPLE_SHOP,
    checkout: SAMPLE_CHECKOUT,
    recoveryUrl: "https://comeback.example/r/sample-recovery-token",
    stepNumber: 1,
    discount: SAMPLE_DISCOUNT,
  });
}

const BREAKS_JSON = `"\\\n`;

/**
 * The same cart where every free-text value holds a quote, a backslash and a line break, as real
 * shopper names and catalogue titles can. A template that pastes values into JSON without the json
 * filter renders the sample fine and this one as broken JSON, so validation catches it before a
 * shopper called `Ann "AJ"` breaks a delivery, or injects fields into it.
 */
export function hostilePayloadContext(): PayloadContext {
  const lineItems = SAMPLE_CHECKOUT.lineItems.map((line) => ({
    ...line,
    title: `${line.title}${BREAKS_JSON}`,
    variantTitle: `Size 10${BREAKS_JSON}`,
    sku: `SKU${BREAKS_JSON}`,
  }));
  return buildPayloadContext({
    event: "checkout.abandoned",
    occurredAt: new Date("2030-01-14T16:00:00Z"),
    shop: { ...SAMPLE_SHOP, name: `Alex's "Best" Store${BREAKS_JSON}` },
    checkout: {
      ...SAMPLE_CHECKOUT,
      lineItems,
      firstName: `Ann "AJ"${BREAKS_JSON}`,
      lastName: `O'Brien${BREAKS_JSON}`,
      email: `"ann${BREAKS_JSON}"@example.com`,
    },
    recoveryUrl: `https://comeback.example/r/sample-recovery-token?q=${BREAKS_JSON}`,
    stepNumber: 1,
    discount: { code: `COMEBACK${BREAKS_JSON}`, kind: "percentage", value: "10", endsAt: new Date("2030-01-15T12:00:00Z") },
  });
}
