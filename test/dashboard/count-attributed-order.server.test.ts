import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { countAttributedOrder } from "~/dashboard/count-attributed-order.server";
import { db } from "~/db/client.server";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const rollups = async () =>
  (await db.dailyStat.findMany({ orderBy: [{ day: "asc" }, { position: "asc" }, { variantId: "asc" }] })).map(
    ({ day, position, variantId, recoveredOrders, recoveredRevenueMinor, afterEmailOrders, afterEmailRevenueMinor }) => [
      day,
      position,
      variantId,
      recoveredOrders,
      recoveredRevenueMinor,
      afterEmailOrders,
      afterEmailRevenueMinor,
    ],
  );
// 02:00 UTC on the 22nd is still the 21st in New York.
const order = (totalPrice: string, currency = "USD") => ({ shopifyCreatedAt: new Date("2026-11-22T02:00:00Z"), currency, totalPrice });

const testShop = () => db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } });

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("countAttributedOrder", () => {
  it("counts a clicked order as recovered on the order's day, on the totals, the step and its variant", async () => {
    const { stepRun, step } = await createSentMessage({ stepRun: { position: 1 } });
    const variant = await db.stepVariant.create({ data: { stepId: step.id, label: "A", weight: 50 } });
    await db.stepRun.update({ where: { id: stepRun.id }, data: { variantId: variant.id } });

    await countAttributedOrder(db, await testShop(), { order: order("128.23"), attribution: { kind: "clicked", stepRunId: stepRun.id } });

    expect(await rollups()).toEqual([
      ["2026-11-21", 0, 0, 1, 12_823n, 0, 0n],
      ["2026-11-21", 1, 0, 1, 12_823n, 0, 0n],
      ["2026-11-21", 1, variant.id, 1, 12_823n, 0, 0n],
    ]);
  });

  it("keeps orders bought after an unclicked email apart from recovered ones", async () => {
    const { stepRun } = await createSentMessage();
    await countAttributedOrder(db, await testShop(), { order: order("50.00"), attribution: { kind: "after_email", stepRunId: stepRun.id } });
    expect(await rollups()).toEqual([
      ["2026-11-21", 0, 0, 0, 0n, 1, 5_000n],
      ["2026-11-21", 1, 0, 0, 0n, 1, 5_000n],
    ]);
  });

  it("leaves out orders in another currency, as the direct report does", async () => {
    const { stepRun } = await createSentMessage();
    await countAttributedOrder(db, await testShop(), { order: order("70.00", "EUR"), attribution: { kind: "clicked", stepRunId: stepRun.id } });
    expect(await rollups()).toEqual([]);
  });
});
