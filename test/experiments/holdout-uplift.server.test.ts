import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { holdoutUplift } from "~/experiments/holdout-uplift.server";
import { createCheckout, createSequence } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const OTHER_SHOP = "other-shop.myshopify.com";
const PERIOD = { from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-12-01T00:00:00Z") };
const IN_PERIOD = new Date("2026-11-15T12:00:00Z");

let shoppers = 0;

/** An ended enrollment whose carts have the given statuses; the first is the one its messages showed. */
async function enrollment({ holdout, carts, abandonedAt = IN_PERIOD, shop = TEST_SHOP }: { holdout: boolean; carts: string[]; abandonedAt?: Date; shop?: string }) {
  const version = (await db.sequenceVersion.findFirst({ where: { sequence: { shop } } })) ?? (await createSequence([{ delayMinutes: 60 }], shop)).versions[0]!;
  const checkouts = [];
  for (const status of carts) checkouts.push(await createCheckout({ shop, status, abandonedAt }));
  const created = await db.enrollment.create({
    data: { shop, sequenceVersionId: version.id, checkoutId: checkouts[0]!.id, shopperKey: `shopper-${++shoppers}`, status: "completed", abandonedAt, cartStartedAt: abandonedAt, holdout },
  });
  await db.checkout.updateMany({ where: { id: { in: checkouts.map((checkout) => checkout.id) } }, data: { enrollmentId: created.id } });
}

async function enrollments(count: number, spec: Parameters<typeof enrollment>[0]) {
  for (let index = 0; index < count; index++) await enrollment(spec);
}

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("holdoutUplift", () => {
  it("compares the recovery rate of shoppers sent messages with the holdout's, with the counts behind each", async () => {
    await enrollments(3, { holdout: false, carts: ["recovered"] });
    await enrollments(7, { holdout: false, carts: ["abandoned"] });
    await enrollments(1, { holdout: true, carts: ["recovered"] });
    await enrollments(3, { holdout: true, carts: ["abandoned"] });

    const result = await holdoutUplift(db, TEST_SHOP, PERIOD);

    expect(result.treated).toEqual({ enrollments: 10, recovered: 3, rate: 0.3 });
    expect(result.holdout).toEqual({ enrollments: 4, recovered: 1, rate: 0.25 });
    expect(result.uplift).toBeCloseTo(0.05, 10);
  });

  it("counts an enrollment as recovered when any of its carts was bought after being abandoned", async () => {
    await enrollment({ holdout: false, carts: ["abandoned", "recovered"] });
    await enrollment({ holdout: false, carts: ["abandoned", "abandoned"] });

    expect((await holdoutUplift(db, TEST_SHOP, PERIOD)).treated).toEqual({ enrollments: 2, recovered: 1, rate: 0.5 });
  });

  it("takes enrollments abandoned from the start of the period up to, not including, its end", async () => {
    await enrollment({ holdout: false, carts: ["recovered"], abandonedAt: PERIOD.from });
    await enrollment({ holdout: false, carts: ["recovered"], abandonedAt: PERIOD.to });
    await enrollment({ holdout: false, carts: ["recovered"], abandonedAt: new Date(PERIOD.from.getTime() - 1) });

    expect((await holdoutUplift(db, TEST_SHOP, PERIOD)).treated.enrollments).toBe(1);
  });

  it("has no rate for an empty group, and so no uplift", async () => {
    await enrollments(2, { holdout: false, carts: ["recovered"] });

    expect(await holdoutUplift(db, TEST_SHOP, PERIOD)).toEqual({
      treated: { enrollments: 2, recovered: 2, rate: 1 },
      holdout: { enrollments: 0, recovered: 0, rate: null },
      uplift: null,
    });
  });

  it("counts only the shop's own enrollments", async () => {
    await createShop({ domain: OTHER_SHOP });
    await enrollment({ holdout: true, carts: ["recovered"], shop: OTHER_SHOP });

    expect((await holdoutUplift(db, TEST_SHOP, PERIOD)).holdout.enrollments).toBe(0);
  });
});
