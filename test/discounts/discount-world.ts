import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { startFakeShopify, type FakeShopify } from "../doubles/fake-shopify";
import { type createSentMessage } from "../factories/recovery";
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

/** The message's enrollment sending its second step, which may offer a code of its own. */
export async function secondStepRun({ version, enrollment, checkout, stepRun }: SentMessage) {
  const step = await db.step.create({ data: { sequenceVersionId: version.id, position: 2, delayMinutes: 24 * 60 } });
  const dueAt = new Date(stepRun.dueAt.getTime() + 23 * 3_600_000);
  return db.stepRun.create({
    data: { shop: TEST_SHOP, enrollmentId: enrollment.id, stepId: step.id, position: 2, channel: "email", status: "sent", dueAt, scheduledAt: dueAt, checkoutId: checkout.id, sentAt: dueAt },
  });
}
