import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { discountCodeName } from "~/discounts/discount-code-name.server";

describe("naming a step run's discount code", () => {
  it("is COMEBACK- and 8 characters no shopper can misread", () => {
    expect(discountCodeName(TEST_SHOP, 42)).toMatch(/^COMEBACK-[2-9A-HJ-NP-Z]{8}$/);
  });

  it("is the same for the same step run every time, so a retry asks Shopify for the same code", () => {
    expect(discountCodeName(TEST_SHOP, 42)).toBe(discountCodeName(TEST_SHOP, 42));
  });

  it("differs between step runs, shops and app secrets", () => {
    const code = discountCodeName(TEST_SHOP, 42);

    expect(discountCodeName(TEST_SHOP, 43)).not.toBe(code);
    expect(discountCodeName("other-shop.myshopify.com", 42)).not.toBe(code);
    expect(discountCodeName(TEST_SHOP, 42, "another-app-secret")).not.toBe(code);
  });

  it("draws on the whole alphabet, never on 0, O, 1 or I", () => {
    const characters = new Set(Array.from({ length: 500 }, (_, run) => discountCodeName(TEST_SHOP, run).slice("COMEBACK-".length)).join(""));

    expect([...characters].sort().join("")).toBe("23456789ABCDEFGHJKLMNPQRSTUVWXYZ");
  });

  it("gives each of many step runs a code of its own", () => {
    const codes = new Set(Array.from({ length: 10_000 }, (_, run) => discountCodeName(TEST_SHOP, run)));

    expect(codes.size).toBe(10_000);
  });
});
