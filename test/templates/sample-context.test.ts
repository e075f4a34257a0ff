import { describe, expect, it } from "vitest";
import { buildSampleContext, SAMPLE_UNSUBSCRIBE_URL } from "~/templates/sample-context";

describe("buildSampleContext", () => {
  it("gives previews a named shopper and a cart with and without images and variants", () => {
    const context = buildSampleContext();
    expect(context.customer.first_name).not.toBe("");
    expect(context.shop.name).toBe("Example Store");
    expect(context.cart.line_items.map((line) => line.image_url !== "")).toEqual([true, false]);
    expect(context.cart.line_items.map((line) => line.variant_title !== "")).toEqual([true, false]);
    expect(context.cart).toMatchObject({ item_count: 3, total: "$121.50" });
    expect(context.unsubscribe_url).toBe(SAMPLE_UNSUBSCRIBE_URL);
    expect(context.recovery_url).toMatch(/^https:\/\/example-store\.myshopify\.com\//);
  });

  it("shows the merchant's own shop, currency and language", () => {
    const context = buildSampleContext({ name: "서울 상점", domain: "seoul.myshopify.com", currency: "KRW", locale: "ko" });
    expect(context.shop.name).toBe("서울 상점");
    expect(context.cart.currency).toBe("KRW");
    expect(context.cart.total).toMatch(/^₩/);
    expect(context.recovery_url).toMatch(/^https:\/\/seoul\.myshopify\.com\//);
  });

  it("uses an unsubscribe link that HTML escaping leaves unchanged, so validation can find it in output", () => {
    expect(SAMPLE_UNSUBSCRIBE_URL).not.toMatch(/[&<>"']/);
  });
});
