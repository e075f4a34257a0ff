import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { assignVariant } from "~/experiments/assign-variant";
import { chooseStepVariant } from "~/experiments/choose-variant.server";
import { seededRandom } from "~/experiments/seeded-random";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { attributeOrder, createVariantWorld, recordSends } from "./variant-world";

const ENROLLMENTS = Array.from({ length: 40 }, (_, index) => 1000 + index);
const random = () => seededRandom(3);

type World = Awaited<ReturnType<typeof createVariantWorld>>;

async function choose(world: World, enrollmentId: number, shop = TEST_SHOP) {
  return chooseStepVariant(db, shop, await world.loadStep(), enrollmentId, random());
}

/** An enrollment the hash assigns to the given variant, to tell a winner apart from the assignment. */
async function enrollmentAssignedTo(world: World, label: string): Promise<number> {
  const step = await world.loadStep();
  return ENROLLMENTS.find((id) => assignVariant(step.variants, id, step.id).label === label)!;
}

const winnerOf = async (world: World) => (await world.loadStep()).winnerVariantId;

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("chooseStepVariant", () => {
  it("chooses nothing for a step without variants", async () => {
    const world = await createVariantWorld({}, []);

    expect(await choose(world, 1)).toBeNull();
  });

  it("gives each enrollment its weighted assignment, the same every time, with the variant's subject and template", async () => {
    const world = await createVariantWorld();
    const step = await world.loadStep();

    const chosen = await Promise.all(ENROLLMENTS.map((id) => choose(world, id)));

    expect(chosen.map((variant) => variant!.id)).toEqual(ENROLLMENTS.map((id) => assignVariant(step.variants, id, step.id).id));
    expect(new Set(chosen.map((variant) => variant!.label))).toEqual(new Set(["A", "B"]));
    expect(await choose(world, ENROLLMENTS[0]!)).toEqual(chosen[0]);
    const a = await world.variant("A");
    expect(chosen.find((variant) => variant!.label === "A")).toEqual({ id: a.id, label: "A", subject: "Subject A", templateId: world.template.id });
  });

  it("declares no winner while a variant lacks its minimum sample of sends, however clear the lead", async () => {
    const world = await createVariantWorld({ autoWinnerMetric: "click", autoWinnerMinSample: 50 });
    await recordSends(world, (await world.variant("A")).id, { sent: 60, clicked: 40 });
    await recordSends(world, (await world.variant("B")).id, { sent: 49, clicked: 1 });
    const assignedToB = await enrollmentAssignedTo(world, "B");

    expect((await choose(world, assignedToB))!.label).toBe("B");
    expect(await winnerOf(world)).toBeNull();
  });

  it("declares and stores the winner once a variant clearly leads, and then sends all traffic to it", async () => {
    const world = await createVariantWorld({ autoWinnerMetric: "click", autoWinnerMinSample: 50 });
    const a = await world.variant("A");
    await recordSends(world, a.id, { sent: 50, clicked: 20 });
    await recordSends(world, (await world.variant("B")).id, { sent: 50, clicked: 5 });

    expect((await choose(world, await enrollmentAssignedTo(world, "B")))!.label).toBe("A");
    expect(await winnerOf(world)).toBe(a.id);

    const afterwards = await Promise.all(ENROLLMENTS.map((id) => choose(world, id)));
    expect(afterwards.every((variant) => variant!.id === a.id)).toBe(true);
  });

  it("declares no winner while the variants are close", async () => {
    const world = await createVariantWorld({ autoWinnerMetric: "click", autoWinnerMinSample: 50 });
    await recordSends(world, (await world.variant("A")).id, { sent: 60, clicked: 12 });
    await recordSends(world, (await world.variant("B")).id, { sent: 60, clicked: 11 });

    await choose(world, 1);

    expect(await winnerOf(world)).toBeNull();
  });

  it("judges recovery by sends whose click led to an order, not by clicks or orders bought without a click", async () => {
    const world = await createVariantWorld({ autoWinnerMetric: "recovery", autoWinnerMinSample: 40 });
    const b = await world.variant("B");
    const runsOfA = await recordSends(world, (await world.variant("A")).id, { sent: 40, clicked: 30, recovered: 1 });
    for (const run of runsOfA.slice(10, 30)) await attributeOrder(run.id, { attribution: "after_email" });
    await recordSends(world, b.id, { sent: 40, clicked: 12, recovered: 10 });

    expect((await choose(world, await enrollmentAssignedTo(world, "A")))!.label).toBe("B");
    expect(await winnerOf(world)).toBe(b.id);
  });

  it("counts only sends that went out", async () => {
    const world = await createVariantWorld({ autoWinnerMetric: "click", autoWinnerMinSample: 30 });
    const a = await world.variant("A");
    await recordSends(world, a.id, { sent: 30, clicked: 25 });
    await recordSends(world, (await world.variant("B")).id, { sent: 30, status: "failed" });

    await choose(world, 1);

    expect(await winnerOf(world)).toBeNull();
  });

  it("needs 100 sends of each variant when the step sets no minimum", async () => {
    const world = await createVariantWorld({ autoWinnerMetric: "click", autoWinnerMinSample: null });
    const a = await world.variant("A");
    const b = await world.variant("B");
    await recordSends(world, a.id, { sent: 100, clicked: 60 });
    await recordSends(world, b.id, { sent: 99, clicked: 5 });

    await choose(world, 1);
    expect(await winnerOf(world)).toBeNull();

    await recordSends(world, b.id, { sent: 1 });
    await choose(world, 1);
    expect(await winnerOf(world)).toBe(a.id);
  });

  it("never declares a winner when the step has no automatic winner", async () => {
    const world = await createVariantWorld({ autoWinnerMetric: null, autoWinnerMinSample: 10 });
    await recordSends(world, (await world.variant("A")).id, { sent: 50, clicked: 45 });
    await recordSends(world, (await world.variant("B")).id, { sent: 50 });

    await choose(world, 1);

    expect(await winnerOf(world)).toBeNull();
  });

  it("declares nothing for a shop that does not own the step", async () => {
    const world = await createVariantWorld({ autoWinnerMetric: "click", autoWinnerMinSample: 10 });
    await recordSends(world, (await world.variant("A")).id, { sent: 50, clicked: 45 });
    await recordSends(world, (await world.variant("B")).id, { sent: 50 });
    await createShop({ domain: "other-shop.myshopify.com" });

    await choose(world, 1, "other-shop.myshopify.com");

    expect(await winnerOf(world)).toBeNull();
  });

  it("keeps a winner another process declared a moment ago, and this send keeps its assignment", async () => {
    const world = await createVariantWorld({ autoWinnerMetric: "click", autoWinnerMinSample: 10 });
    const a = await world.variant("A");
    const b = await world.variant("B");
    await recordSends(world, a.id, { sent: 50, clicked: 45 });
    await recordSends(world, b.id, { sent: 50 });
    const stale = await world.loadStep();
    await db.step.update({ where: { id: stale.id }, data: { winnerVariantId: b.id } });
    const assignedToB = await enrollmentAssignedTo(world, "B");
    const assignedToA = await enrollmentAssignedTo(world, "A");

    expect((await chooseStepVariant(db, TEST_SHOP, stale, assignedToB, random()))!.label).toBe("B");
    expect((await chooseStepVariant(db, TEST_SHOP, stale, assignedToA, random()))!.label).toBe("A");
    expect(await winnerOf(world)).toBe(b.id);
  });
});
