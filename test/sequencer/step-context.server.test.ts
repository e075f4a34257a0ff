import type { Prisma } from "@prisma/client";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { suppressAddress } from "~/models/suppression.server";
import { loadStepContexts } from "~/sequencer/step-context.server";
import { freshStepReader } from "~/sequencer/tick-step-reader.server";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const OTHER_SHOP = "other-shop.myshopify.com";
// Noon in New York, outside the test shop's quiet hours.
const NOW = new Date("2026-11-20T17:00:00Z");
const HOUR = 3_600_000;

/** A step run claimed under `lease`, due now, for a shopper of its own unless the checkout says otherwise. */
async function claimedRun(lease: string, checkout: Partial<Prisma.CheckoutUncheckedCreateInput> = {}) {
  const message = await createSentMessage({ checkout, stepRun: { status: "sending", leaseOwner: lease, sentAt: null, recipientHash: null } });
  return { ...message, claim: { id: message.stepRun.id, shop: TEST_SHOP, leaseId: lease } };
}

const load = (claims: Parameters<typeof loadStepContexts>[1]) => loadStepContexts(db, claims, NOW, freshStepReader(db));

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  await createShop({ domain: OTHER_SHOP });
});

describe("reading a batch of claimed runs", () => {
  it("gives each run its own enrollment, checkout and send-time facts", async () => {
    const ann = await claimedRun("w:1", { email: "ann@example.com", customerId: "1" });
    const bea = await claimedRun("w:2", { email: "bea@example.com", customerId: "2" });
    await db.order.create({
      data: { shop: TEST_SHOP, shopifyId: "5900001", email: "bea@example.com", currency: "USD", totalPrice: "1.00", totalPriceMinor: 100n, discountCodes: [], shopifyCreatedAt: NOW },
    });
    await suppressAddress(db, TEST_SHOP, "ann@example.com", "unsubscribed");

    const [annContext, beaContext] = await load([ann.claim, bea.claim]);

    expect(annContext).toMatchObject({ run: { id: ann.stepRun.id }, checkout: { id: ann.checkout.id }, enrollment: { id: ann.enrollment.id } });
    expect(annContext?.situation).toMatchObject({ purchased: false, suppression: "unsubscribed" });
    expect(beaContext).toMatchObject({ run: { id: bea.stepRun.id }, checkout: { id: bea.checkout.id } });
    expect(beaContext?.situation).toMatchObject({ purchased: true, suppression: null });
  });

  it("finds no run under a shop that is not its own, and still reads the rest of the batch", async () => {
    const ann = await claimedRun("w:1");

    const [forged, own] = await load([{ ...ann.claim, shop: OTHER_SHOP }, ann.claim]);

    expect(forged).toBeNull();
    expect(own?.run.id).toBe(ann.stepRun.id);
  });

  it("holds the later of two runs of one batch to the same address until the frequency cap ends", async () => {
    const first = await claimedRun("w:1", { email: "ann@example.com" });
    // Enrolled under another address, which a later update of the checkout changed to Ann's.
    const second = await claimedRun("w:2", { email: "ann.lee@example.com" });
    await db.checkout.update({ where: { id: second.checkout.id }, data: { email: "ann@example.com" } });

    const [firstContext, secondContext] = await load([first.claim, second.claim]);

    expect(firstContext?.situation.cappedUntil).toBeNull();
    expect(secondContext?.situation.cappedUntil).toEqual(new Date(NOW.getTime() + 16 * HOUR));
  });

  it("takes a run that came with its claim as it is, without reading it again", async () => {
    const ann = await claimedRun("w:1");
    const claimedAs = { ...ann.stepRun, attempts: 7 };

    const [context] = await load([{ ...ann.claim, run: claimedAs }]);

    expect(context?.run).toBe(claimedAs);
  });

  it("reads nothing for an empty batch", async () => {
    expect(await load([])).toEqual([]);
  });
});
