import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db, sql } from "~/db/client.server";
import { directTransaction } from "~/db/direct-transaction.server";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("a direct transaction", () => {
  it("reads rows as Prisma's client reads them: Dates, booleans, numbers and nulls alike", async () => {
    const { stepRun } = await createSentMessage();
    await db.step.updateMany({ data: { minCartValueMinor: 5_000n } });
    const runs = sql.sql`SELECT * FROM "StepRun" WHERE "shop" = ${TEST_SHOP} AND "id" = ${stepRun.id}`;
    const steps = sql.sql`SELECT "id", "position", "enabled", "skipIfClicked", "minCartValueMinor" FROM "Step"`;

    const direct = await directTransaction(db, async (tx) => [await tx.$queryRaw(runs), await tx.$queryRaw(steps)]);

    expect(direct).toEqual([await db.$queryRaw(runs), await db.$queryRaw(steps)]);
    expect(direct[0]).toEqual([expect.objectContaining({ id: stepRun.id, sentAt: stepRun.sentAt, deliveredAt: null })]);
  });

  it("writes Dates and booleans that Prisma's client reads back unchanged, in the same composed statements", async () => {
    const { stepRun } = await createSentMessage();
    const clickedAt = new Date("2026-11-20T16:31:07.123Z");

    const changed = await directTransaction(db, (tx) =>
      tx.$executeRaw`UPDATE "StepRun" SET "firstClickedAt" = ${clickedAt} WHERE ${sql.sql`"id" = ${stepRun.id}`} AND "shop" = ${TEST_SHOP}`,
    );
    await directTransaction(db, (tx) => tx.$executeRaw`UPDATE "Step" SET "skipIfClicked" = ${true}`);

    expect(changed).toBe(1);
    expect((await db.stepRun.findUniqueOrThrow({ where: { id: stepRun.id } })).firstClickedAt).toEqual(clickedAt);
    expect((await db.step.findFirstOrThrow()).skipIfClicked).toBe(true);
  });

  it("commits all of its statements or, when one fails, none", async () => {
    const rename = (name: string) => sql.sql`UPDATE "Shop" SET "name" = ${name} WHERE "domain" = ${TEST_SHOP}`;

    const failed = directTransaction(db, async (tx) => {
      await tx.$executeRaw(rename("renamed"));
      await tx.$executeRaw`INSERT INTO "Shop" ("domain") VALUES (${TEST_SHOP})`;
    });

    await expect(failed).rejects.toThrow();
    expect((await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).name).toBe("Test Shop");
    await directTransaction(db, (tx) => tx.$executeRaw(rename("renamed")));
    expect((await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).name).toBe("renamed");
  });

  it("never sees, nor joins, a Prisma transaction still open on the same database", async () => {
    const prismaTransaction = db.$transaction(async (tx) => {
      await tx.shop.update({ where: { domain: TEST_SHOP }, data: { name: "uncommitted" } });
      await settle();
      throw new Error("rolled back");
    });
    await settle();

    const seen = await directTransaction(db, (tx) => tx.$queryRaw<Array<{ name: string }>>`SELECT "name" FROM "Shop" WHERE "domain" = ${TEST_SHOP}`);

    await expect(prismaTransaction).rejects.toThrow("rolled back");
    expect(seen).toEqual([{ name: "Test Shop" }]);
  });

  it("joins the Prisma transaction it is given, and rolls back with it", async () => {
    const rolledBack = db.$transaction(async (tx) => {
      await directTransaction(tx, (inner) => inner.$executeRaw`UPDATE "Shop" SET "name" = ${"inside"} WHERE "domain" = ${TEST_SHOP}`);
      throw new Error("rolled back");
    });

    await expect(rolledBack).rejects.toThrow("rolled back");
    expect((await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).name).toBe("Test Shop");
  });
});
