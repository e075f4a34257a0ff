import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { seededRandom } from "~/experiments/seeded-random";
import { variantStats } from "~/experiments/variant-stats.server";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { attributeOrder, createVariantWorld, recordSends } from "./variant-world";

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

async function world() {
  const created = await createVariantWorld();
  return { ...created, a: await created.variant("A"), b: await created.variant("B") };
}

describe("variantStats", () => {
  it("counts each variant's sends, opens, clicks and click-attributed recoveries, with their revenue", async () => {
    const { a, b, ...rest } = await world();
    const runsOfA = await recordSends(rest, a.id, { sent: 40, opened: 20, clicked: 8 });
    await attributeOrder(runsOfA[0]!.id, { attribution: "clicked", totalPriceMinor: 12_345n });
    await attributeOrder(runsOfA[0]!.id, { attribution: "clicked", totalPriceMinor: 655n });
    await attributeOrder(runsOfA[1]!.id, { attribution: "clicked", totalPriceMinor: 1_000n });
    await attributeOrder(runsOfA[30]!.id, { attribution: "after_email", totalPriceMinor: 99_999n });
    await recordSends(rest, b.id, { sent: 30, opened: 10, clicked: 2 });
    await recordSends(rest, b.id, { sent: 5, status: "failed" });

    const [statsOfA, statsOfB] = await variantStats(db, TEST_SHOP, rest.step.id, seededRandom(1));

    expect(statsOfA).toMatchObject({ id: a.id, label: "A", weight: 1, winner: false, sent: 40, opened: 20, clicked: 8, recovered: 2 });
    expect(statsOfA!.revenue).toEqual([{ currency: "USD", amountMinor: 14_000n }]);
    expect(statsOfB).toMatchObject({ id: b.id, label: "B", sent: 30, opened: 10, clicked: 2, recovered: 0, revenue: [] });
  });

  it("sums revenue exactly as bigint, per currency", async () => {
    const { a, ...rest } = await world();
    const [first, second, third] = await recordSends(rest, a.id, { sent: 3, clicked: 3 });
    await attributeOrder(first!.id, { attribution: "clicked", totalPriceMinor: 9_007_199_254_740_993n, currency: "KRW" });
    await attributeOrder(second!.id, { attribution: "clicked", totalPriceMinor: 2n, currency: "KRW" });
    await attributeOrder(third!.id, { attribution: "clicked", totalPriceMinor: 1_999n, currency: "USD" });

    const [statsOfA] = await variantStats(db, TEST_SHOP, rest.step.id, seededRandom(1));

    expect(statsOfA!.revenue).toEqual([
      { currency: "KRW", amountMinor: 9_007_199_254_740_995n },
      { currency: "USD", amountMinor: 1_999n },
    ]);
  });

  it("gives each variant its chance of being best on clicks and on recoveries, reproducibly for a seed", async () => {
    const { a, b, ...rest } = await world();
    await recordSends(rest, a.id, { sent: 100, clicked: 30, recovered: 3 });
    await recordSends(rest, b.id, { sent: 100, clicked: 10, recovered: 3 });

    const stats = await variantStats(db, TEST_SHOP, rest.step.id, seededRandom(9));

    const [click, recovery] = [stats.map((variant) => variant.probabilityBest.click), stats.map((variant) => variant.probabilityBest.recovery)];
    expect(click[0]).toBeGreaterThan(0.99);
    expect(click[0]! + click[1]!).toBeCloseTo(1, 10);
    for (const probability of recovery) expect(Math.abs(probability - 0.5)).toBeLessThan(0.05);
    expect(await variantStats(db, TEST_SHOP, rest.step.id, seededRandom(9))).toEqual(stats);
  });

  it("lists variants without sends with zeros, and marks the winner", async () => {
    const { b, step } = await world();
    await db.step.update({ where: { id: step.id }, data: { winnerVariantId: b.id } });

    const stats = await variantStats(db, TEST_SHOP, step.id, seededRandom(1));

    expect(stats.map(({ label, winner, sent, recovered, revenue }) => ({ label, winner, sent, recovered, revenue }))).toEqual([
      { label: "A", winner: false, sent: 0, recovered: 0, revenue: [] },
      { label: "B", winner: true, sent: 0, recovered: 0, revenue: [] },
    ]);
  });

  it("is empty for a step without variants, and for another shop's step", async () => {
    const tested = await world();
    const plain = await db.step.create({ data: { sequenceVersionId: tested.version.id, position: 2, delayMinutes: 1440 } });
    await createShop({ domain: "other-shop.myshopify.com" });

    expect(await variantStats(db, TEST_SHOP, plain.id, seededRandom(1))).toEqual([]);
    expect(await variantStats(db, "other-shop.myshopify.com", tested.step.id, seededRandom(1))).toEqual([]);
  });
});
