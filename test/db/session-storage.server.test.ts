import { Session } from "@shopify/shopify-api";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { ResilientSessionStorage } from "~/db/session-storage.server";

const offlineSession = () => new Session({ id: `offline_${TEST_SHOP}`, shop: TEST_SHOP, state: "", isOnline: false, accessToken: "shpat_token" });

// Renaming the table is what a database that cannot be read looks like to the storage, on either database.
const renameSessionTable = (from: string, to: string) => db.$executeRawUnsafe(`ALTER TABLE "${from}" RENAME TO "${to}"`);

// Shopify's session storage reports each failed look for its table on console.log, with Prisma's whole error.
beforeEach(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

describe("the session storage", () => {
  it("serves again once its table can be read, though it could not be when the storage was created", async () => {
    await renameSessionTable("Session", "SessionAway");
    const storage = new ResilientSessionStorage(db);
    try {
      await expect(storage.loadSession(offlineSession().id)).rejects.toThrow();
    } finally {
      await renameSessionTable("SessionAway", "Session");
    }

    expect(await storage.storeSession(offlineSession())).toBe(true);
    expect(await storage.loadSession(offlineSession().id)).toMatchObject({ shop: TEST_SHOP, accessToken: "shpat_token" });
    expect(await storage.findSessionsByShop(TEST_SHOP)).toHaveLength(1);
    expect(await storage.deleteSession(offlineSession().id)).toBe(true);
    expect(await storage.loadSession(offlineSession().id)).toBeUndefined();
  });
});
