import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { countAbandonment } from "~/dashboard/count-abandonment.server";
import { db } from "~/db/client.server";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const rollups = () =>
  db.dailyStat.findMany({
    orderBy: { day: "asc" },
    select: { day: true, position: true, abandoned: true, abandonedValueMinor: true, enrolled: true, heldOut: true },
  });
const cart = (currency: string, totalPriceMinor: bigint) => ({ currency, totalPriceMinor });

beforeEach(async () => {
  await resetDatabase();
  await createShop({ timezone: "Asia/Seoul", currency: "KRW" });
});

describe("countAbandonment", () => {
  it("counts the cart on the shop's day, with its enrollment or holdout", async () => {
    // 23:30 UTC on the 20th is 08:30 on the 21st in Seoul.
    await countAbandonment(db, TEST_SHOP, { at: new Date("2026-11-20T23:30:00Z"), checkout: cart("KRW", 52_000n), enrollment: { holdout: false } });
    await countAbandonment(db, TEST_SHOP, { at: new Date("2026-11-21T14:59:00Z"), checkout: cart("KRW", 18_000n), enrollment: { holdout: true } });
    await countAbandonment(db, TEST_SHOP, { at: new Date("2026-11-21T15:00:00Z"), checkout: cart("KRW", 9_000n), enrollment: null });

    expect(await rollups()).toEqual([
      { day: "2026-11-21", position: 0, abandoned: 2, abandonedValueMinor: 70_000n, enrolled: 1, heldOut: 1 },
      { day: "2026-11-22", position: 0, abandoned: 1, abandonedValueMinor: 9_000n, enrolled: 0, heldOut: 0 },
    ]);
  });

  it("counts a cart in another currency without adding its value to the shop's", async () => {
    await countAbandonment(db, TEST_SHOP, { at: new Date("2026-11-21T03:00:00Z"), checkout: cart("USD", 13_777n), enrollment: { holdout: false } });
    expect(await rollups()).toEqual([{ day: "2026-11-21", position: 0, abandoned: 1, abandonedValueMinor: 0n, enrolled: 1, heldOut: 0 }]);
  });
});
