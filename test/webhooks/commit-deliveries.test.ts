import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "~/db/client.server";
import { recordActivity } from "~/models/activity.server";
import type { CheckoutSnapshot } from "~/models/checkout.server";
import { checkoutsUpdate } from "~/webhooks/checkouts.server";
import { commitDeliveries } from "~/webhooks/commit-deliveries.server";
import { CommitFailure } from "~/lib/group-commit";
import { checkoutPayload as checkoutSchema } from "~/webhooks/payloads/checkout";
import { oneAtATime, type Delivery, type WebhookHandler } from "~/webhooks/webhook-handler";
import { checkoutPayload, minutesAfterCheckoutCreated } from "../factories/payloads";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const OTHER_SHOP = "not-installed.myshopify.com";

function checkoutDelivery(webhookId: string, overrides: Record<string, unknown> = {}, shop = TEST_SHOP): Delivery<CheckoutSnapshot> {
  return { shop, webhookId, topic: "CHECKOUTS_UPDATE", payload: checkoutSchema.parse(checkoutPayload(overrides)) };
}

/** A handler of its own: it writes a timeline entry per delivery, and fails the deliveries it is told to. */
const notes: WebhookHandler<{ note: string }> = {
  topic: "CHECKOUTS_UPDATE",
  payload: z.object({ note: z.string() }),
  apply: oneAtATime(async (tx, { shop, payload }) => {
    if (payload.note === "fail") throw new Error("this delivery cannot be applied");
    await recordActivity(tx, shop, { kind: "webhook_received", at: new Date(), reason: payload.note });
    return `noted ${payload.note}`;
  }),
};
const noteDelivery = (webhookId: string, note: string): Delivery<{ note: string }> => ({ shop: TEST_SHOP, webhookId, topic: "CHECKOUTS_UPDATE", payload: { note } });

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("commitDeliveries", () => {
  it("applies the new deliveries of a batch and answers null for those already received, earlier or in the same batch", async () => {
    await commitDeliveries(db, notes, [noteDelivery("w1", "first")]);

    const results = await commitDeliveries(db, notes, [noteDelivery("w1", "again"), noteDelivery("w2", "second"), noteDelivery("w2", "twice")]);

    expect(results).toEqual([null, "noted second", null]);
    expect(await db.activity.findMany({ select: { reason: true }, orderBy: { id: "asc" } })).toEqual([{ reason: "first" }, { reason: "second" }]);
    expect(await db.webhookReceipt.count()).toBe(2);
  });

  it("commits each delivery alone when the batch fails, so only the failing one fails and it leaves nothing behind", async () => {
    const results = await commitDeliveries(db, notes, [noteDelivery("w1", "one"), noteDelivery("w2", "fail"), noteDelivery("w3", "three")]);

    expect(results.slice(0, 1)).toEqual(["noted one"]);
    expect(results[1]).toBeInstanceOf(CommitFailure);
    expect(results[2]).toBe("noted three");
    expect((await db.webhookReceipt.findMany({ select: { webhookId: true }, orderBy: { webhookId: "asc" } })).map(({ webhookId }) => webhookId)).toEqual(["w1", "w3"]);
    expect(await db.activity.count()).toBe(2);
  });
});

describe("checkout deliveries committed together", () => {
  it("stores each checkout from its newest snapshot, whatever order the batch holds them in, and times every delivery on the timeline", async () => {
    const results = await commitDeliveries(db, checkoutsUpdate, [
      checkoutDelivery("newest", { updated_at: minutesAfterCheckoutCreated(9), total_price: "150.00" }),
      checkoutDelivery("older", { updated_at: minutesAfterCheckoutCreated(4), total_price: "20.00" }),
      checkoutDelivery("other", { token: "b1946ac92492d2347c6235b4d2611184", updated_at: minutesAfterCheckoutCreated(1) }),
      checkoutDelivery("newer still", { updated_at: minutesAfterCheckoutCreated(12), total_price: "175.00" }),
    ]);

    expect(results).toEqual(["stored", "ignored: older than the stored checkout", "stored", "stored"]);
    const checkouts = await db.checkout.findMany({ select: { token: true, totalPrice: true }, orderBy: { id: "asc" } });
    expect(checkouts).toEqual([
      { token: "da4a9d115469c72cf166bfbe6c5313d1", totalPrice: "175.00" },
      { token: "b1946ac92492d2347c6235b4d2611184", totalPrice: checkoutPayload().total_price },
    ]);
    const timeline = await db.activity.findMany({ select: { reason: true, detail: true }, orderBy: { id: "asc" } });
    expect(timeline.map(({ reason, detail }) => [(detail as { webhookId: string }).webhookId, reason])).toEqual([
      ["newest", null],
      ["older", "older_than_stored"],
      ["other", null],
      ["newer still", null],
    ]);
  });

  it("ignores the deliveries of shops that are not installed and stores the others of the same batch", async () => {
    const results = await commitDeliveries(db, checkoutsUpdate, [checkoutDelivery("theirs", {}, OTHER_SHOP), checkoutDelivery("ours")]);

    expect(results).toEqual(["ignored: shop not installed", "stored"]);
    expect(await db.checkout.findMany({ select: { shop: true } })).toEqual([{ shop: TEST_SHOP }]);
    expect(await db.webhookReceipt.count()).toBe(2);
  });

  it("completes a checkout whose batch carries its completion, after its earlier snapshot", async () => {
    const results = await commitDeliveries(db, checkoutsUpdate, [
      checkoutDelivery("open", { updated_at: minutesAfterCheckoutCreated(2) }),
      checkoutDelivery("completed", { updated_at: minutesAfterCheckoutCreated(6), completed_at: minutesAfterCheckoutCreated(6) }),
    ]);

    expect(results).toEqual(["stored", "stored as completed"]);
    expect(await db.checkout.findFirstOrThrow({ select: { status: true, completedAt: true } })).toEqual({
      status: "completed",
      completedAt: new Date(minutesAfterCheckoutCreated(6)),
    });
  });
});
