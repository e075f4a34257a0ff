import { describe, expect, it } from "vitest";
import type { CartLine } from "~/checkouts/cart-line";
import { buildTemplateContext, chooseLocale, type TemplateContextInput } from "~/templates/context";

function cartLine(overrides: Partial<CartLine> = {}): CartLine {
  return {
    title: "Linen Shirt",
    variantTitle: "Sand / M",
    quantity: 1,
    price: "34.00",
    linePrice: null,
    variantId: null,
    productId: null,
    sku: null,
    imageUrl: "https://cdn.test/shirt.jpg",
    ...overrides,
  };
}

function input(checkout: Partial<TemplateContextInput["checkout"]> = {}, shop: Partial<TemplateContextInput["shop"]> = {}): TemplateContextInput {
  return {
    shop: { name: "Seoul Goods", domain: "seoul-goods.myshopify.com", currency: "USD", locale: "en", ...shop },
    checkout: {
      email: "ann@example.com",
      firstName: "Ann",
      lastName: "Lee",
      currency: "USD",
      subtotalPrice: "68.00",
      totalPrice: "75.50",
      locale: "en-US",
      lineItems: [cartLine({ quantity: 2 })],
      ...checkout,
    },
    links: { recoveryUrl: "https://shop.test/recover", unsubscribeUrl: "https://app.test/u/token" },
    stepNumber: 2,
  };
}

describe("buildTemplateContext", () => {
  it("names everything the way Shopify's Liquid does", () => {
    expect(buildTemplateContext(input())).toEqual({
      shop: { name: "Seoul Goods", domain: "seoul-goods.myshopify.com", currency: "USD" },
      customer: { first_name: "Ann", last_name: "Lee", email: "ann@example.com" },
      cart: {
        line_items: [
          { title: "Linen Shirt", variant_title: "Sand / M", quantity: 2, price: "$34.00", line_total: "$68.00", image_url: "https://cdn.test/shirt.jpg" },
        ],
        item_count: 2,
        subtotal: "$68.00",
        total: "$75.50",
        currency: "USD",
      },
      recovery_url: "https://shop.test/recover",
      unsubscribe_url: "https://app.test/u/token",
      step: { number: 2 },
      discount: { code: "", value: "", ends_at: "" },
      survey: { shipping_cost: "", price: "", just_browsing: "", payment_problem: "", other: "" },
    });
  });

  it("describes the step's discount in the reader's language and the shop's timezone", () => {
    const endsAt = new Date("2026-11-24T15:00:00Z");
    const percentage = buildTemplateContext({ ...input(), discount: { code: "COMEBACK-7QK2", kind: "percentage", value: "15", endsAt } });
    expect(percentage.discount).toEqual({ code: "COMEBACK-7QK2", value: "15%", ends_at: "Nov 24, 2026, 3:00 PM" });

    const fixed = buildTemplateContext({
      ...input({ locale: "ko-KR", currency: "KRW" }, { timezone: "Asia/Seoul" }),
      discount: { code: "COMEBACK-9PX1", kind: "fixed_amount", value: "5000", endsAt },
    });
    expect(fixed.discount).toEqual({ code: "COMEBACK-9PX1", value: "₩5,000", ends_at: "2026. 11. 25. 오전 12:00" });
  });

  it("passes the survey's one-click links through", () => {
    const survey = { shipping_cost: "https://app.test/s/t?reason=shipping_cost", price: "p", just_browsing: "j", payment_problem: "pp", other: "o" };
    const context = buildTemplateContext({ ...input(), links: { recoveryUrl: "r", unsubscribeUrl: "u", survey } });
    expect(context.survey).toEqual(survey);
  });

  it("turns whatever is missing into empty strings", () => {
    const context = buildTemplateContext(
      input({ firstName: null, lastName: null, email: null, lineItems: [cartLine({ variantTitle: null, imageUrl: null })] }),
    );
    expect(context.customer).toEqual({ first_name: "", last_name: "", email: "" });
    expect(context.cart.line_items[0]).toMatchObject({ variant_title: "", image_url: "" });
  });

  it("calls a shop without a name by its domain", () => {
    expect(buildTemplateContext(input({}, { name: null })).shop.name).toBe("seoul-goods.myshopify.com");
    expect(buildTemplateContext(input({}, { name: "" })).shop.name).toBe("seoul-goods.myshopify.com");
  });

  it("counts items, not lines", () => {
    const lineItems = [cartLine({ quantity: 2 }), cartLine({ quantity: 3 })];
    expect(buildTemplateContext(input({ lineItems })).cart.item_count).toBe(5);
  });

  it("formats money in the checkout's currency for the checkout's language", () => {
    const won = buildTemplateContext(input({ currency: "KRW", locale: "ko-KR", subtotalPrice: "39000", totalPrice: "42000", lineItems: [cartLine({ price: "39000" })] }));
    expect(won.cart).toMatchObject({ subtotal: "₩39,000", total: "₩42,000", currency: "KRW" });
    expect(won.cart.line_items[0]).toMatchObject({ price: "₩39,000", line_total: "₩39,000" });
    expect(won.shop.currency).toBe("USD");

    const yen = buildTemplateContext(input({ currency: "JPY", locale: "ko-KR", totalPrice: "3000" }));
    expect(yen.cart.total).toBe("JP¥3,000");

    const euros = buildTemplateContext(input({ currency: "EUR", locale: "de-DE", totalPrice: "1234.5" }));
    expect(euros.cart.total).toBe("1.234,50\u00a0€");
  });

  it("falls back to the shop's language, then English, when the checkout's is missing or malformed", () => {
    expect(buildTemplateContext(input({ locale: null, totalPrice: "1234.5" }, { locale: "de" })).cart.total).toBe("1.234,50\u00a0$");
    expect(buildTemplateContext(input({ locale: "en_US", totalPrice: "1234.5" }, { locale: "de" })).cart.total).toBe("1.234,50\u00a0$");
    expect(buildTemplateContext(input({ locale: null, totalPrice: "1234.5" }, { locale: "not a locale" })).cart.total).toBe("$1,234.50");
  });

  it("uses Shopify's line price when it has one", () => {
    const discounted = cartLine({ quantity: 2, price: "34.00", linePrice: "60.00" });
    expect(buildTemplateContext(input({ lineItems: [discounted] })).cart.line_items[0]?.line_total).toBe("$60.00");
  });

  it("computes a missing line total exactly, in minor units", () => {
    const beyondFloats = cartLine({ quantity: 2, price: "4503599627370497.35" });
    expect(buildTemplateContext(input({ lineItems: [beyondFloats] })).cart.line_items[0]?.line_total).toBe("$9,007,199,254,740,994.70");
    const dimes = cartLine({ quantity: 3, price: "0.10" });
    expect(buildTemplateContext(input({ lineItems: [dimes] })).cart.line_items[0]?.line_total).toBe("$0.30");
    const dinars = cartLine({ quantity: 3, price: "1.235" });
    expect(buildTemplateContext(input({ currency: "KWD", lineItems: [dinars] })).cart.line_items[0]?.line_total).toBe("KWD\u00a03.705");
  });
});

describe("chooseLocale", () => {
  it("picks the checkout's language, exactly or by its language part", () => {
    expect(chooseLocale(["en", "ko"], "ko-KR", "en")).toBe("ko");
    expect(chooseLocale(["en", "ko"], "KO", "en")).toBe("ko");
    expect(chooseLocale(["en", "pt-BR", "pt-PT"], "pt-PT", "en")).toBe("pt-PT");
    expect(chooseLocale(["en", "ko-KR"], "ko", "en")).toBe("ko-KR");
  });

  it("falls back to the shop's language, then English, then the first available", () => {
    expect(chooseLocale(["en", "ko"], "fr-FR", "ko")).toBe("ko");
    expect(chooseLocale(["en", "ko"], null, "ko-KR")).toBe("ko");
    expect(chooseLocale(["ko", "en"], "fr", "de")).toBe("en");
    expect(chooseLocale(["ko", "ja"], "fr", "de")).toBe("ko");
  });

  it("refuses a template without any language", () => {
    expect(() => chooseLocale([], "en", "en")).toThrow(RangeError);
  });
});
