import { describe, expect, it } from "vitest";
import { DEFAULT_EXPIRY_HOURS, discountOffer, type StepDiscountSettings } from "~/discounts/discount-offer";

const step = (overrides: Partial<StepDiscountSettings> = {}): StepDiscountSettings => ({
  discountKind: "percentage",
  discountValue: "15",
  discountMinSubtotal: null,
  discountExpiryHours: 48,
  ...overrides,
});
const USD = { shop: "USD", checkout: "USD" };

describe("reading a step's discount offer", () => {
  it("offers a percentage as written", () => {
    expect(discountOffer(step(), USD)).toEqual({ kind: "percentage", value: "15", minSubtotal: null, expiryHours: 48 });
  });

  it("writes fixed amounts and minimum subtotals in the shop currency's precision", () => {
    expect(discountOffer(step({ discountKind: "fixed_amount", discountValue: "10", discountMinSubtotal: "50.5" }), USD)).toEqual({
      kind: "fixed_amount",
      value: "10.00",
      minSubtotal: "50.50",
      expiryHours: 48,
    });
    expect(discountOffer(step({ discountKind: "fixed_amount", discountValue: "5000" }), { shop: "KRW", checkout: "KRW" })).toMatchObject({ value: "5000" });
  });

  it("treats a zero minimum subtotal as none", () => {
    expect(discountOffer(step({ discountMinSubtotal: "0.00" }), USD)).toMatchObject({ minSubtotal: null });
  });

  it(`lasts ${DEFAULT_EXPIRY_HOURS} hours when the step does not say`, () => {
    expect(discountOffer(step({ discountExpiryHours: null }), USD)).toMatchObject({ expiryHours: DEFAULT_EXPIRY_HOURS });
  });

  it("offers a percentage on a checkout in any currency, but a fixed amount only in the shop's", () => {
    const euroCheckout = { shop: "USD", checkout: "EUR" };

    expect(discountOffer(step(), euroCheckout)).toMatchObject({ kind: "percentage" });
    expect(discountOffer(step({ discountKind: "fixed_amount", discountValue: "10" }), euroCheckout)).toEqual({
      error: "A fixed amount in USD cannot be offered on a checkout in EUR",
    });
  });

  it.each<[string, Partial<StepDiscountSettings>]>([
    ["an unknown kind", { discountKind: "free_shipping" }],
    ["a missing value", { discountValue: null }],
    ["a value that is not a number", { discountValue: "ten" }],
    ["a zero percentage", { discountValue: "0" }],
    ["a percentage over 100", { discountValue: "100.5" }],
    ["a zero amount", { discountKind: "fixed_amount", discountValue: "0.00" }],
    ["a negative amount", { discountKind: "fixed_amount", discountValue: "-5" }],
    ["a minimum subtotal that is not an amount", { discountMinSubtotal: "fifty" }],
    ["an expiry under an hour", { discountExpiryHours: 0 }],
  ])("refuses %s", (_, overrides) => {
    expect(discountOffer(step(overrides), USD)).toHaveProperty("error");
  });
});
