import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import Database from "better-sqlite3";
import { beforeEach, describe, expect, inject, it, vi } from "vitest";
import { createDbClient, db } from "~/db/client.server";
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

describe.runIf(inject("database") === "sqlite")("compiled statements", () => {
  const freshClient = () => createDbClient(`file:${path.join(mkdtempSync(path.join(tmpdir(), "comeback-statements-")), "db.sqlite")}`);

  it("are compiled once per SQL text and answer each run for its own parameters, in and out of transactions", async () => {
    const compile = vi.spyOn(Database.prototype, "prepare");
    const client = freshClient();
    const square = (tx: { $queryRaw: typeof client.$queryRaw }, n: number) => tx.$queryRaw<Array<{ square: bigint }>>`SELECT ${n} * ${n} AS "square"`;

    const outside = [await square(client, 2), await square(client, 3)];
    const inside = await client.$transaction(async (tx) => [await square(tx, 4), await square(tx, 5)]);

    expect([...outside, ...inside].map(([row]) => Number(row!.square))).toEqual([4, 9, 16, 25]);
    expect(compile.mock.calls.filter(([source]) => String(source).includes('AS "square"'))).toHaveLength(1);
    await client.$disconnect();
    compile.mockRestore();
  });
});
