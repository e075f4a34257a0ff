import type { Prisma } from "@prisma/client";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { discountCodeName } from "~/discounts/discount-code-name.server";
import { startFakeShopify, type FakeShopify } from "../doubles/fake-shopify";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { storeOfflineSession } from "../support/sessions";

/**
 * Registers the hooks of a discount test file: one fake Shopify for the file, and before each test an
 * empty database and an installed shop whose offline token the fake accepts.
 */
export function useInstalledShop(): { shopify: FakeShopify } {
  const world = {} as { shopify: FakeShopify };
  beforeAll(async () => {
    world.shopify = await startFakeShopify({ scopes: config.scopes });
  });
  afterAll(() => world.shopify.close());
  beforeEach(async () => {
    await resetDatabase();
    world.shopify.reset();
    await createShop();
    const session = await storeOfflineSession();
    world.shopify.acceptAccessToken(TEST_SHOP, session.accessToken!);
  });
  return world;
}

type SentMessage = Awaited<ReturnType<typeof createSentMessage>>;

let shoppers = 0;

/** A sent message whose step run offered a 15 % code, stored as ensureStepDiscount stores one; each to a shopper of its own. */
export async function createOfferedDiscount(overrides: Partial<Prisma.DiscountCodeUncheckedCreateInput> = {}, message?: SentMessage) {
  const { checkout, enrollment, stepRun } = message ?? (await createSentMessage({ checkout: { email: `shopper-${++shoppers}@example.com` } }));
  return db.discountCode.create({
    data: {
      shop: TEST_SHOP,
      stepRunId: stepRun.id,
      enrollmentId: enrollment.id,
      checkoutId: checkout.id,
      code: discountCodeName(TEST_SHOP, stepRun.id),
      shopifyDiscountId: `gid://shopify/DiscountCodeNode/${stepRun.id}`,
      kind: "percentage",
      value: "15",
      endsAt: new Date(Date.now() + 48 * 3_600_000),
      ...overrides,
    },
  });
}

/** The message's enrollment sending its second step, which may offer a code of its own. */
export async function secondStepRun({ version, enrollment, checkout, stepRun }: SentMessage) {
  const step = await db.step.create({ data: { sequenceVersionId: version.id, position: 2, delayMinutes: 24 * 60 } });
  const dueAt = new Date(stepRun.dueAt.getTime() + 23 * 3_600_000);
  return db.stepRun.create({
    data: { shop: TEST_SHOP, enrollmentId: enrollment.id, stepId: step.id, position: 2, channel: "email", status: "sent", dueAt, scheduledAt: dueAt, checkoutId: checkout.id, sentAt: dueAt },
  });
}
