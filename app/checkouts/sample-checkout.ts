import type { CartLine } from "./cart-line";

// One believable abandoned cart, shared by the previews and validation of email templates and of
// webhook payload templates, so a merchant sees the same shopper in both.

export const SAMPLE_SHOP = { name: "Example Store", domain: "example-store.myshopify.com", currency: "USD", locale: "en" };

export const SAMPLE_DISCOUNT = { code: "COMEBACK-SAMPLE", kind: "percentage" as const, value: "10", endsAt: new Date("2030-01-15T12:00:00Z") };

const SAMPLE_LINES: CartLine[] = [
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
];

/** A shopper with a name, consent to email and texts, and two lines: one with image and variant whose total is computed, one with neither. */
export const SAMPLE_CHECKOUT = {
  shopifyId: "35871193497634",
  token: "4f5c8a1e2b7d9c3f6a0e1d2c3b4a5968",
  status: "abandoned",
  shopifyCreatedAt: new Date("2030-01-14T15:00:00Z"),
  currency: "USD",
  subtotalPrice: "113.00",
  totalPrice: "121.50",
  lineItems: SAMPLE_LINES,
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
