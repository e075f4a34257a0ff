import { describe, expect, it } from "vitest";
import type { CartLine } from "~/checkouts/cart-line";
import { recoveryDestination, type DestinationSource } from "~/links/recovery-destination";

const SHOP = "comeback-test.myshopify.com";
const UTM = "utm_source=comeback&utm_medium=email&utm_campaign=abandoned_checkout";

const line = (variantId: string | null, quantity: number): CartLine => ({
  title: "Item",
  variantTitle: null,
  quantity,
  price: "10.00",
  linePrice: null,
  variantId,
  productId: null,
  sku: null,
  imageUrl: null,
});

const source = (overrides: Partial<DestinationSource> = {}): DestinationSource => ({
  shopDomain: SHOP,
  via: { medium: "email", stepPosition: 2 },
  recoveryUrl: `https://${SHOP}/80371122466/checkouts/ac/cart-token-1/recover?key=abc123`,
  lineItems: [line("45902754185506", 1), line("45902754218274", 2)],
  ...overrides,
});

describe("where a recovery click goes", () => {
  it("goes to Shopify's recovery URL, keeping its key and adding UTM parameters", () => {
    const destination = new URL(recoveryDestination(source()));

    expect(destination.origin + destination.pathname).toBe(`https://${SHOP}/80371122466/checkouts/ac/cart-token-1/recover`);
    expect(Object.fromEntries(destination.searchParams)).toEqual({
      key: "abc123",
      utm_source: "comeback",
      utm_medium: "email",
      utm_campaign: "abandoned_checkout",
      utm_content: "step-2",
    });
  });

  it("rebuilds the cart as a permalink when Shopify sent no recovery URL", () => {
    expect(recoveryDestination(source({ recoveryUrl: null }))).toBe(
      `https://${SHOP}/cart/45902754185506:1,45902754218274:2?${UTM}&utm_content=step-2`,
    );
  });

  it("never sends a shopper to a stored recovery URL that is not https", () => {
    for (const recoveryUrl of ["http://evil.example/recover", "javascript:alert(1)", "not a url"]) {
      expect(recoveryDestination(source({ recoveryUrl }))).toMatch(new RegExp(`^https://${SHOP}/cart/`));
    }
  });

  it("leaves out of the permalink the lines no variant can restore", () => {
    const lineItems = [line(null, 1), line("45902754218274", 2), line("../admin", 1), line("45902754185506", 0)];

    expect(recoveryDestination(source({ recoveryUrl: null, lineItems }))).toBe(`https://${SHOP}/cart/45902754218274:2?${UTM}&utm_content=step-2`);
  });

  it("falls back to the storefront when there is neither a recovery URL nor a restorable line", () => {
    expect(recoveryDestination(source({ recoveryUrl: null, lineItems: [line(null, 1)] }))).toBe(`https://${SHOP}/?${UTM}&utm_content=step-2`);
  });

  it("adds the message's discount code as Shopify's discount parameter, keeping the UTM parameters", () => {
    const discountCode = "COMEBACK-7QK2MX9D";

    expect(Object.fromEntries(new URL(recoveryDestination(source({ discountCode }))).searchParams)).toEqual({
      key: "abc123",
      utm_source: "comeback",
      utm_medium: "email",
      utm_campaign: "abandoned_checkout",
      utm_content: "step-2",
      discount: discountCode,
    });
    expect(recoveryDestination(source({ recoveryUrl: null, discountCode }))).toBe(
      `https://${SHOP}/cart/45902754185506:1,45902754218274:2?${UTM}&utm_content=step-2&discount=${discountCode}`,
    );
    expect(recoveryDestination(source({ recoveryUrl: null, lineItems: [], discountCode }))).toBe(`https://${SHOP}/?${UTM}&utm_content=step-2&discount=${discountCode}`);
  });

  it("credits the storefront banner as the source when the click came from there", () => {
    const params = new URL(recoveryDestination(source({ via: { medium: "banner" } }))).searchParams;
    expect([params.get("utm_medium"), params.get("utm_content")]).toEqual(["banner", "banner"]);
  });

  it("adds no discount parameter without a code", () => {
    expect(new URL(recoveryDestination(source({ discountCode: null }))).searchParams.has("discount")).toBe(false);
  });
});
