import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload, minutesAfterCheckoutCreated } from "../factories/payloads";
import { installShopWithDefaultSequence, tickAt, useSequencer } from "../support/sequencer";

const world = useSequencer();

const minutesIn = (minutes: number) => new Date(minutesAfterCheckoutCreated(minutes));
const abandonedBy = async (minutes: number) => (await tickAt(world.services, minutesIn(minutes))).abandoned;
// The fixture checkout as Shopify creates it, last updated the moment it was created.
const createCheckout = () => deliverWebhook("checkouts/create", checkoutPayload({ updated_at: minutesAfterCheckoutCreated(0) }));

describe("when a checkout counts as abandoned", () => {
  it("is the shop's own threshold after the checkout's last update, not the default 10 minutes", async () => {
    await installShopWithDefaultSequence({ abandonmentMinutes: 30 });
    await createCheckout();

    expect(await abandonedBy(11)).toBe(0);
    expect(await abandonedBy(29)).toBe(0);
    expect(await abandonedBy(31)).toBe(1);
    expect(await db.checkout.findFirstOrThrow()).toMatchObject({ status: "abandoned", abandonedAt: minutesIn(30) });
    expect(await db.enrollment.count()).toBe(1);
  });

  it("moves later with each update Shopify sends while the checkout is open", async () => {
    await installShopWithDefaultSequence();
    await createCheckout();
    await deliverWebhook("checkouts/update", checkoutPayload({ updated_at: minutesAfterCheckoutCreated(8) }));

    expect(await abandonedBy(11)).toBe(0);
    expect(await abandonedBy(17)).toBe(0);
    expect(await abandonedBy(18)).toBe(1);
    expect(await db.checkout.findFirstOrThrow()).toMatchObject({ status: "abandoned", abandonedAt: minutesIn(18) });
  });
});
