import { describe, expect, it } from "vitest";
import { seededRandom } from "../../scripts/demo/random";
import { createShoppers } from "../../scripts/demo/shoppers";
import { cartTotal, checkoutBody } from "../../scripts/demo/shopify-payloads";
import { checkoutPayload } from "~/webhooks/payloads/checkout";

const DAY = new Date("2026-11-23T14:00:00Z");

describe("the demo's shoppers", () => {
  it("are the same for the same seed, so the demo's report can be checked", () => {
    expect(createShoppers(50, DAY, seededRandom(7))).toEqual(createShoppers(50, DAY, seededRandom(7)));
  });

  it("mix every persona, and arrive within the first day's opening hours", () => {
    const shoppers = createShoppers(400, DAY, seededRandom(1));
    const kinds = new Set(shoppers.map((shopper) => `${shopper.persona.kind}${"afterEmail" in shopper.persona ? shopper.persona.afterEmail : ""}`));
    expect([...kinds].sort()).toEqual(["buys_unprompted1", "ignores", "no_consent", "quick_buyer", "recovers1", "recovers2", "recovers3", "unreachable", "unsubscribes"]);
    for (const shopper of shoppers) {
      expect(shopper.startedAt.getTime() - DAY.getTime()).toBeGreaterThanOrEqual(0);
      expect(shopper.startedAt.getTime() - DAY.getTime()).toBeLessThan(12 * 3_600_000);
    }
  });

  it("send checkouts that Comeback's own payload schema accepts, with exact totals", () => {
    for (const shopper of createShoppers(40, DAY, seededRandom(3))) {
      const parsed = checkoutPayload.safeParse(checkoutBody(shopper, "demo.myshopify.com", shopper.startedAt));
      expect(parsed.success).toBe(true);
      expect(parsed.data?.totalPrice).toBe(cartTotal(shopper));
    }
  });
});
