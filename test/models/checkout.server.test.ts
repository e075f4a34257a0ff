import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { describe, expect, inject, it } from "vitest";
import { db } from "~/db/client.server";
import { dueAbandonmentChecks, saveCheckoutSnapshots, type CheckoutSnapshot } from "~/models/checkout.server";
import { checkoutPayload as checkoutSchema } from "~/webhooks/payloads/checkout";
import { checkoutPayload, minutesAfterCheckoutCreated } from "../factories/payloads";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { plansOfStatements } from "../support/query-plan";

it("finds due abandonment checks through the abandonCheckAt index, so a tick's cost follows the checks due, not the checkouts stored", async () => {
  const [plan] = await plansOfStatements((client) => dueAbandonmentChecks(client, new Date("2026-11-20T16:00:00Z"), 100));

  expect(plan).toMatch(
    inject("database") === "sqlite"
      ? /^SEARCH main\.Checkout USING INDEX Checkout_abandonCheckAt_idx \(abandonCheckAt<\?\)$/
      : /Index Scan (using|on) "Checkout_abandonCheckAt_idx".*\n\s*Index Cond: \("abandonCheckAt" <= /,
  );
});

describe("saveCheckoutSnapshots", () => {
  const snapshot = (updatedMinutes: number, totalPrice: string) =>
    checkoutSchema.parse(checkoutPayload({ updated_at: minutesAfterCheckoutCreated(updatedMinutes), total_price: totalPrice }));
  const save = (shop: string, ...snapshots: CheckoutSnapshot[]) =>
    saveCheckoutSnapshots(db, snapshots.map((one) => ({ shop, snapshot: one, settings: { abandonmentMinutes: 60 } })));

  it("weighs a checkout's later snapshots in one call against its earlier ones, as if they had come one by one", async () => {
    await resetDatabase();
    await createShop();

    const saved = await save(TEST_SHOP, snapshot(5, "50.00"), snapshot(3, "30.00"), snapshot(8, "80.00"));

    expect(saved.map(({ applied }) => applied)).toEqual([true, false, true]);
    expect(new Set(saved.map(({ id }) => id)).size).toBe(1);
    expect(await db.checkout.findFirstOrThrow({ select: { totalPrice: true } })).toEqual({ totalPrice: "80.00" });
  });
});
