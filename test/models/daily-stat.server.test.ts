import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "~/db/client.server";
import { bumpDailyStats, bumpStepDailyStats, dailyStatsBetween, hasDailyStats, variantLabels } from "~/models/daily-stat.server";
import { createSequence } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { queryPlan } from "../support/query-plan";

const OTHER_SHOP = "other-shop.myshopify.com";
const rows = () => db.dailyStat.findMany({ orderBy: [{ shop: "asc" }, { day: "asc" }, { position: "asc" }, { variantId: "asc" }] });

beforeEach(async () => {
  await resetDatabase();
  await createShop();
  await createShop({ domain: OTHER_SHOP });
});

describe("bumpDailyStats", () => {
  it("creates the row on the first bump and adds to it on the next ones", async () => {
    await bumpDailyStats(db, TEST_SHOP, { day: "2026-11-20" }, { abandoned: 1, abandonedValueMinor: 13_777n });
    await bumpDailyStats(db, TEST_SHOP, { day: "2026-11-20" }, { abandoned: 1, abandonedValueMinor: 24_000n, enrolled: 1 });

    expect(await rows()).toEqual([
      expect.objectContaining({
        shop: TEST_SHOP,
        day: "2026-11-20",
        position: 0,
        variantId: 0,
        abandoned: 2,
        abandonedValueMinor: 37_777n,
        enrolled: 1,
        emailed: 0,
      }),
    ]);
  });

  it("keeps shops, days, steps and variants on rows of their own", async () => {
    await bumpDailyStats(db, TEST_SHOP, { day: "2026-11-20" }, { emailed: 1 });
    await bumpDailyStats(db, TEST_SHOP, { day: "2026-11-21" }, { emailed: 2 });
    await bumpDailyStats(db, TEST_SHOP, { day: "2026-11-21", position: 2 }, { emailed: 3 });
    await bumpDailyStats(db, TEST_SHOP, { day: "2026-11-21", position: 2, variantId: 7 }, { emailed: 4 });
    await bumpDailyStats(db, OTHER_SHOP, { day: "2026-11-21" }, { emailed: 5 });

    expect((await rows()).map(({ shop, day, position, variantId, emailed }) => [shop, day, position, variantId, emailed])).toEqual([
      [OTHER_SHOP, "2026-11-21", 0, 0, 5],
      [TEST_SHOP, "2026-11-20", 0, 0, 1],
      [TEST_SHOP, "2026-11-21", 0, 0, 2],
      [TEST_SHOP, "2026-11-21", 2, 0, 3],
      [TEST_SHOP, "2026-11-21", 2, 7, 4],
    ]);
  });

  it("writes nothing when nothing changed", async () => {
    await bumpDailyStats(db, TEST_SHOP, { day: "2026-11-20" }, { delivered: 0, opened: 0 });
    expect(await rows()).toEqual([]);
  });

  it("adds up bumps made at the same time", async () => {
    await Promise.all(Array.from({ length: 20 }, () => bumpDailyStats(db, TEST_SHOP, { day: "2026-11-20" }, { clicked: 1 })));
    expect((await rows())[0]).toMatchObject({ clicked: 20 });
  });
});

describe("bumpStepDailyStats", () => {
  it("counts on the shop's totals, the step's row and the variant's row", async () => {
    await bumpStepDailyStats(db, TEST_SHOP, { day: "2026-11-20", position: 2, variantId: 9 }, { recoveredOrders: 1, recoveredRevenueMinor: 5_000n });
    await bumpStepDailyStats(db, TEST_SHOP, { day: "2026-11-20", position: 2, variantId: null }, { recoveredOrders: 1, recoveredRevenueMinor: 1_000n });

    expect(
      (await rows()).map(({ position, variantId, recoveredOrders, recoveredRevenueMinor }) => [position, variantId, recoveredOrders, recoveredRevenueMinor]),
    ).toEqual([
      [0, 0, 2, 6_000n],
      [2, 0, 2, 6_000n],
      [2, 9, 1, 5_000n],
    ]);
  });
});

describe("reading rollups", () => {
  it("reads the shop's rows of the days asked for, first and last included", async () => {
    for (const day of ["2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"]) await bumpDailyStats(db, TEST_SHOP, { day }, { abandoned: 1 });
    await bumpDailyStats(db, OTHER_SHOP, { day: "2026-11-20" }, { abandoned: 1 });

    expect((await dailyStatsBetween(db, TEST_SHOP, "2026-11-20", "2026-11-21")).map((row) => row.day)).toEqual(["2026-11-20", "2026-11-21"]);
    expect(await hasDailyStats(db, TEST_SHOP)).toBe(true);
    await db.dailyStat.deleteMany({ where: { shop: TEST_SHOP } });
    expect(await hasDailyStats(db, TEST_SHOP)).toBe(false);
  });

  it("reads a period through the primary key, so its cost follows the days and steps, not the checkouts", async () => {
    const plan = await queryPlan(`SELECT * FROM "DailyStat" WHERE "shop" = ? AND "day" >= ? AND "day" <= ?`, [TEST_SHOP, "2026-08-24", "2026-11-21"]);
    expect(plan).toMatch(
      inject("database") === "sqlite"
        ? /^SEARCH DailyStat USING INDEX sqlite_autoindex_DailyStat_1 \(shop=\? AND day>\? AND day<\?\)$/
        : /^Index Scan using "DailyStat_pkey" on "DailyStat" .*\n\s*Index Cond: \(\(shop = \S+\) AND \(day >= \S+\) AND \(day <= \S+\)\)$/,
    );
  });

  it("labels only the shop's own variants", async () => {
    const ours = await createSequence([{ delayMinutes: 60 }]);
    const theirs = await createSequence([{ delayMinutes: 60 }], OTHER_SHOP);
    const a = await db.stepVariant.create({ data: { stepId: ours.versions[0]!.steps[0]!.id, label: "A", weight: 50 } });
    const b = await db.stepVariant.create({ data: { stepId: theirs.versions[0]!.steps[0]!.id, label: "B", weight: 50 } });

    expect(await variantLabels(db, TEST_SHOP, [a.id, b.id])).toEqual(new Map([[a.id, "A"]]));
  });
});
