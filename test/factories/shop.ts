import type { Prisma } from "@prisma/client";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { db } from "~/db/client.server";

export function createShop(overrides: Partial<Prisma.ShopUncheckedCreateInput> = {}) {
  return db.shop.create({ data: { domain: TEST_SHOP, name: "Test Shop", timezone: "America/New_York", ...overrides } });
}
