import { describe, expect, it } from "vitest";
import { buildPayloadContext, type PayloadContextInput } from "~/outbound/payload-context";

function input(overrides: Partial<PayloadContextInput> = {}, checkout: Partial<PayloadContextInput["checkout"]> = {}): PayloadContextInput {
  return {
    event: "checkout.abandoned",
    occurredAt: new Date("2026-11-21T10:00:00Z"),
    shop: { domain: "test-shop.myshopify.com", name: "Test Shop", currency: "USD", locale: "en" },
    checkout: {
      shopifyId: "35871193497634",
      token: "tok-1",
      status: "abandoned",
      shopifyCreatedAt: new Date("2026-11-20T15:00:00Z"),
      currency: "EUR",
      subtotalPrice: "129.97",
      totalPrice: "1137.70",
      lineItems: [
        { title: "Aviator sunglasses", variantTitle: "Gold", quantity: 1, price: "89.99", linePrice: "89.99", variantId: "45902754185506", productId: "8448447512866", sku: "AVI-GLD", imageUrl: "https://cdn.example/a.jpg" },
        { title: "Canvas tote", variantTitle: null, quantity: 3, price: "19.99", linePrice: null, variantId: null, productId: null, sku: null, imageUrl: null },
      ],
      email: "ann@example.com",
      phone: "030 1234567",
      firstName: "Ann",
      lastName: "Lee",
      locale: "de-DE",
      countryCode: "DE",
      acceptsEmailMarketing: false,
      emailConsentState: "subscribed",
      acceptsSmsMarketing: true,
      ...checkout,
    },
    recoveryUrl: "https://comeback.example/r/abc.def?x=1",
    stepNumber: 2,
    ...overrides,
  };
}

describe("buildPayloadContext", () => {
  it("gives money as decimal strings and formatted in the shopper's locale", () => {
    const { checkout } = buildPayloadContext(input());
    expect(checkout).toMatchObject({ currency: "EUR", subtotal: "129.97", total: "1137.70", subtotal_formatted: "129,97\u00a0€", total_formatted: "1.137,70\u00a0€" });
  });

  it("describes every line, computing a missing line total exactly", () => {
    const { checkout } = buildPayloadContext(input());
    expect(checkout.item_count).toBe(4);
    expect(checkout.line_items).toEqual([
      {
        title: "Aviator sunglasses",
        variant_title: "Gold",
        quantity: 1,
        price: "89.99",
        price_formatted: "89,99\u00a0€",
        line_total: "89.99",
        line_total_formatted: "89,99\u00a0€",
        sku: "AVI-GLD",
        variant_id: "45902754185506",
        product_id: "8448447512866",
        image_url: "https://cdn.example/a.jpg",
      },
      {
        title: "Canvas tote",
        variant_title: "",
        quantity: 3,
        price: "19.99",
        price_formatted: "19,99\u00a0€",
        line_total: "59.97",
        line_total_formatted: "59,97\u00a0€",
        sku: "",
        variant_id: "",
        product_id: "",
        image_url: "",
      },
    ]);
  });

  it("describes the shopper with an E.164 phone and both consents", () => {
    expect(buildPayloadContext(input()).customer).toEqual({
      first_name: "Ann",
      last_name: "Lee",
      email: "ann@example.com",
      phone: "+49301234567",
      accepts_email_marketing: true,
      accepts_sms_marketing: true,
      locale: "de-DE",
      country: "DE",
    });
  });

  it("leaves what is unknown empty rather than missing", () => {
    const context = buildPayloadContext(
      input({ recoveryUrl: null, stepNumber: null, shop: { domain: "x.myshopify.com", name: null, currency: "USD", locale: "en" } }, { shopifyId: null, email: null, phone: "12", firstName: null, lastName: null, locale: "not a locale!", countryCode: null }),
    );
    expect(context.customer).toMatchObject({ first_name: "", last_name: "", email: "", phone: "", locale: "not a locale!", country: "" });
    expect(context.checkout.id).toBe("");
    expect(context.shop.name).toBe("x.myshopify.com");
    expect(context.checkout.total_formatted).toBe("€1,137.70");
    expect(context.recovery_url).toBe("");
    expect(context.recovery_path).toBe("");
    expect(context.step).toEqual({ number: null });
    expect(context.discount).toEqual({ code: "", kind: "", value: "", value_formatted: "", ends_at: "" });
  });

  it("names the event, its time, the step and the link's path", () => {
    const context = buildPayloadContext(input());
    expect(context).toMatchObject({ event_type: "checkout.abandoned", occurred_at: "2026-11-21T10:00:00.000Z", step: { number: 2 }, recovery_path: "r/abc.def?x=1" });
    expect(context.checkout).toMatchObject({ id: "35871193497634", token: "tok-1", status: "abandoned", created_at: "2026-11-20T15:00:00.000Z" });
  });

  it("describes an offered discount for machines and for people", () => {
    const endsAt = new Date("2026-11-23T10:00:00Z");
    expect(buildPayloadContext(input({ discount: { code: "SAVE15", kind: "percentage", value: "15", endsAt } })).discount).toEqual({
      code: "SAVE15",
      kind: "percentage",
      value: "15",
      value_formatted: "15%",
      ends_at: "2026-11-23T10:00:00.000Z",
    });
    expect(buildPayloadContext(input({ discount: { code: "TEN", kind: "fixed_amount", value: "10.00", endsAt } })).discount.value_formatted).toBe("10,00\u00a0€");
  });
});
