import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { createShop } from "../factories/shop";

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(async () => {
  await db.shop.deleteMany();
  await createShop();
});

describe("the shared SQLite connection", () => {
  it("keeps another request's write out of a transaction that later rolls back", async () => {
    const failing = db
      .$transaction(async (tx) => {
        await tx.shop.update({ where: { domain: TEST_SHOP }, data: { name: "inside the transaction" } });
        await settle();
        throw new Error("business rule says no");
      })
      .catch(() => "rolled back");

    await settle();
    await db.shop.create({ data: { domain: "outside.myshopify.com" } });

    expect(await failing).toBe("rolled back");
    expect(await db.shop.findUnique({ where: { domain: "outside.myshopify.com" } })).not.toBeNull();
    expect((await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } })).name).toBe("Test Shop");
  });

  it("never shows another request a transaction's uncommitted rows", async () => {
    const failing = db
      .$transaction(async (tx) => {
        await tx.shop.update({ where: { domain: TEST_SHOP }, data: { name: "uncommitted" } });
        await settle();
        throw new Error("business rule says no");
      })
      .catch(() => "rolled back");

    await settle();
    const seen = await db.shop.findUniqueOrThrow({ where: { domain: TEST_SHOP } });

    expect(await failing).toBe("rolled back");
    expect(seen.name).toBe("Test Shop");
  });

  it("runs in WAL mode so other processes can read while it writes", async () => {
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode?.journal_mode).toBe("wal");
  });
});
