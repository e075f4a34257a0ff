import { buildPayloadContext, type PayloadCheckout, type PayloadContext } from "./payload-context";

const SAMPLE_SHOP = { domain: "example-store.myshopify.com", name: "Example Store", currency: "USD", locale: "en" };

const SAMPLE_CHECKOUT: PayloadCheckout = {
  shopifyId: "35871193497634",
  token: "4f5c8a1e2b7d9c3f6a0e1d2c3b4a5968",
  status: "abandoned",
  shopifyCreatedAt: new Date("2030-01-14T15:00:00Z"),
  currency: "USD",
  subtotalPrice: "113.00",
  totalPrice: "121.50",
  lineItems: [
    {
      title: "Linen Shirt",
      variantTitle: "Sand / M",
      quantity: 2,
      price: "34.00",
      linePrice: null,
      variantId: "45902754185506",
      productId: "8448447512866",
      sku: "LS-SAND-M",
      imageUrl: "https://cdn.shopify.com/s/files/1/0000/0001/files/linen-shirt.jpg",
    },
    { title: "Canvas Tote", variantTitle: null, quantity: 1, price: "45.00", linePrice: "45.00", variantId: "45902754218274", productId: "8448447545634", sku: null, imageUrl: null },
  ],
  email: "alex.rivera@example.com",
  phone: "(415) 555-0123",
  firstName: "Alex",
  lastName: "Rivera",
  locale: "en-US",
  countryCode: "US",
  acceptsEmailMarketing: true,
  emailConsentState: null,
  acceptsSmsMarketing: true,
};

/** A believable abandoned cart for previews and for validating a payload template. */
export function samplePayloadContext(): PayloadContext {
  return buildPayloadContext({
    event: "checkout.abandoned",
    occurredAt: new Date("2030-01-14T16:00:00Z"),
    shop: SAMPLE_SHOP,
    checkout: SAMPLE_CHECKOUT,
    recoveryUrl: "https://comeback.example/r/sample-recovery-token",
    stepNumber: 1,
    discount: { code: "COMEBACK-SAMPLE", kind: "percentage", value: "10", endsAt: new Date("2030-01-15T12:00:00Z") },
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
  const lineItems = (SAMPLE_CHECKOUT.lineItems as Array<Record<string, unknown>>).map((line) => ({
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
