import { describe, expect, it } from "vitest";
import { buildPayloadContext, type PayloadContextInput } from "~/outbound/payload-context";
import { validatePayloadTemplate, renderPayload } from "~/outbound/payload-template";
import { destinationRequirements, PRESET_IDS, PRESETS } from "~/outbound/presets";

/** A Korean shopper's abandoned cart as the checkouts webhook stores it, on the second step with a code. */
function realisticContext(overrides: Partial<PayloadContextInput["checkout"]> = {}) {
  return buildPayloadContext({
    event: "step",
    occurredAt: new Date("2026-11-21T10:00:00Z"),
    shop: { domain: "seoul-goods.myshopify.com", name: "Seoul Goods", currency: "KRW", locale: "ko" },
    checkout: {
      shopifyId: "35871193497634",
      token: "0a1b2c3d4e5f",
      status: "abandoned",
      shopifyCreatedAt: new Date("2026-11-20T15:00:00Z"),
      currency: "KRW",
      subtotalPrice: "59000",
      totalPrice: "62000",
      lineItems: [
        { title: "Green tea set", variantTitle: "Large", quantity: 2, price: "24500", linePrice: "49000", variantId: "1", productId: "2", sku: "GT-L", imageUrl: "https://cdn.shopify.com/tea.jpg" },
        { title: 'Ceramic cup 8" "Moon"', variantTitle: null, quantity: 1, price: "10000", linePrice: null, variantId: "3", productId: "4", sku: null, imageUrl: null },
      ],
      email: "jiwoo@example.com",
      phone: "010-1234-5678",
      firstName: "지우",
      lastName: "김",
      locale: "ko-KR",
      countryCode: "KR",
      acceptsEmailMarketing: true,
      emailConsentState: null,
      acceptsSmsMarketing: true,
      ...overrides,
    },
    recoveryUrl: "https://comeback.example/r/eyJzIjoxfQ.sig",
    stepNumber: 2,
    discount: { code: "COMEBACK-7KQ2", kind: "percentage", value: "10", endsAt: new Date("2026-11-23T10:00:00Z") },
  });
}

async function rendered(id: (typeof PRESET_IDS)[number], context = realisticContext()) {
  return JSON.parse(await renderPayload(PRESETS[id].template, context)) as Record<string, unknown>;
}

describe("presets", () => {
  it.each(PRESET_IDS)("%s renders valid JSON for a realistic checkout and passes validation", async (id) => {
    expect(await rendered(id)).toBeTypeOf("object");
    expect(await validatePayloadTemplate(PRESETS[id].template)).toBeNull();
  });

  it.each(PRESET_IDS)("%s renders valid JSON for an empty cart of an anonymous shopper", async (id) => {
    const context = realisticContext({ lineItems: [], email: null, phone: null, firstName: null, lastName: null });
    expect(await rendered(id, context)).toBeTypeOf("object");
  });

  it("generic sends the whole event in Standard Webhooks' type/timestamp/data shape", async () => {
    const payload = await rendered("generic");
    expect(payload).toMatchObject({ type: "step", timestamp: "2026-11-21T10:00:00.000Z", data: { step: 2, recovery_url: "https://comeback.example/r/eyJzIjoxfQ.sig" } });
    expect((payload.data as { checkout: { total: string } }).checkout.total).toBe("62000");
  });

  it("crm updates a contact and a deal", async () => {
    expect(await rendered("crm")).toMatchObject({
      contact: { email: "jiwoo@example.com", phone: "+821012345678", first_name: "지우", email_marketing_consent: true, sms_marketing_consent: true },
      deal: { external_id: "shopify-checkout-0a1b2c3d4e5f", stage: "open", amount: "62000", currency: "KRW", discount_code: "COMEBACK-7KQ2", line_items: [{ sku: "GT-L", quantity: 2 }, { name: 'Ceramic cup 8" "Moon"' }] },
    });
  });

  it("sms addresses the shopper's E.164 number with a body carrying the link, the code and the opt-out", async () => {
    const payload = await rendered("sms");
    expect(payload.to).toBe("+821012345678");
    expect(payload.body).toBe("Hi 지우, you left something in your cart at Seoul Goods. Use code COMEBACK-7KQ2 for 10% off. Complete your order: https://comeback.example/r/eyJzIjoxfQ.sig Reply STOP to opt out.");
  });

  it("whatsapp is a Cloud API template message with body parameters and a URL button", async () => {
    expect(await rendered("whatsapp")).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "+821012345678",
      type: "template",
      template: {
        name: "abandoned_cart_reminder",
        language: { code: "en" },
        components: [
          {
            type: "body",
            parameters: [
              { type: "text", text: "지우" },
              { type: "text", text: "Seoul Goods" },
              { type: "text", text: "₩62,000" },
            ],
          },
          { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "r/eyJzIjoxfQ.sig" }] },
        ],
      },
    });
  });

  it.each(["zapier", "make"] as const)("%s sends flat fields only", async (id) => {
    const payload = await rendered(id);
    for (const value of Object.values(payload)) expect(value === null || typeof value !== "object").toBe(true);
    expect(payload).toMatchObject({ customer_phone: "+821012345678", total: "62000", items: '2 × Green tea set (Large), 1 × Ceramic cup 8" "Moon"', first_item_title: "Green tea set", discount_value: "10%", step: 2 });
  });
});

describe("destinationRequirements", () => {
  it("requires a phone and SMS consent for the messaging presets only", () => {
    expect(destinationRequirements({ preset: "sms" })).toEqual({ phone: true, smsConsent: true });
    expect(destinationRequirements({ preset: "whatsapp" })).toEqual({ phone: true, smsConsent: true });
    for (const preset of ["generic", "crm", "zapier", "make", null, "unknown"]) {
      expect(destinationRequirements({ preset })).toEqual({ phone: false, smsConsent: false });
    }
  });
});
