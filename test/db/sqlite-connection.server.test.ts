import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, inject, it } from "vitest";
import { db } from "~/db/client.server";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Renames the shop, lets other requests run while it is open, then rolls back. */
function transactionThatRollsBack() {
  return db
    .$transaction(async (tx) => {
      await tx.shop.update({ where: { domain: TEST_SHOP }, data: { name: "uncommitted" } });
      await settle();
      throw new Error("business rule says no");
    })
    .catch(() => "rolled back");
}

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

// Written for SQLite's one shared connection; PostgreSQL's pool must keep the same promises.
describe("concurrent requests on the database connection", () => {
  it("keeps another request's write out of a transaction that later rolls back", async () => {
    const failing = transactionThatRollsBack();

    await settle();
    await db.shop.create({ data: { domain: "outside.myshopify.com" } });

    expect(await failing).toBe("rolled back");
    expect(await db.shop.findUnique({ where: { domain: "outside.myshopify.com" } })).not.toBeNull();
    expect((await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).name).toBe("Test Shop");
  });

  it("never shows another request a transaction's uncommitted rows", async () => {
    const failing = transactionThatRollsBack();

    await settle();
    const seen = await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } });

    expect(await failing).toBe("rolled back");
    expect(seen.name).toBe("Test Shop");
  });

  it.runIf(inject("database") === "sqlite")("runs SQLite in WAL mode so other processes can read while it writes", async () => {
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode?.journal_mode).toBe("wal");
  });
});
