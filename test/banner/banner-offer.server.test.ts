import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { bannerOfferForCart } from "~/banner/banner-offer.server";
import { db } from "~/db/client.server";
import { createOfferedDiscount } from "../factories/discount";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const NOW = new Date("2026-11-22T12:00:00Z");
let world: Awaited<ReturnType<typeof createSentMessage>>;

const offer = (cartToken = world.checkout.cartToken) => bannerOfferForCart(db, TEST_SHOP, cartToken, NOW);

const offerCode = (endsAt: Date, status = "active") => createOfferedDiscount({ code: "COMEBACK-ABCD2345", endsAt, status }, world);

beforeEach(async () => {
  await resetDatabase();
  await createShop({ bannerText: "Your picks are still here" });
  world = await createSentMessage();
});

describe("the storefront banner's offer", () => {
  it("offers the way back with the shopper's own active code", async () => {
    await offerCode(new Date("2026-11-24T00:00:00Z"));
    const answer = await offer();

    expect(answer).toEqual({
      show: true,
      message: "Your picks are still here",
      restoreUrl: expect.stringContaining("discount=COMEBACK-ABCD2345"),
      discount: { code: "COMEBACK-ABCD2345", endsAt: "2026-11-24T00:00:00.000Z" },
    });
    expect(answer.show && new URL(answer.restoreUrl).searchParams.get("utm_medium")).toBe("banner");
  });

  it("offers the way back without a code when the sequence issued none, or the code expired or was used", async () => {
    expect(await offer()).toMatchObject({ show: true, discount: null });
    await offerCode(new Date("2026-11-22T11:00:00Z"));
    expect(await offer()).toMatchObject({ show: true, discount: null });
    await db.discountCode.updateMany({ data: { endsAt: new Date("2026-11-30T00:00:00Z"), status: "redeemed" } });
    expect(await offer()).toMatchObject({ show: true, discount: null });
  });

  it("shows nothing once the cart was recovered or completed", async () => {
    await db.checkout.update({ where: { id: world.checkout.id }, data: { status: "recovered" } });
    expect(await offer()).toEqual({ show: false });
  });

  it("shows nothing after the shopper unsubscribed, or any other stop", async () => {
    await db.enrollment.update({ where: { id: world.enrollment.id }, data: { status: "stopped", stopReason: "unsubscribed" } });
    expect(await offer()).toEqual({ show: false });
  });

  it("shows nothing to the holdout group, which must see no recovery at all", async () => {
    await db.enrollment.update({ where: { id: world.enrollment.id }, data: { holdout: true } });
    expect(await offer()).toEqual({ show: false });
  });

  it("shows nothing for an unknown cart, a malformed token, or a shop that uninstalled", async () => {
    expect(await offer("no-such-cart")).toEqual({ show: false });
    expect(await offer("bad token <script>")).toEqual({ show: false });
    expect(await offer(null)).toEqual({ show: false });
    await db.shop.update({ where: { domain: TEST_SHOP }, data: { status: "uninstalled" } });
    expect(await offer()).toEqual({ show: false });
  });
});
