import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { recordReceipts } from "~/models/webhook-receipt.server";
import { pruneWebhookReceipts } from "~/webhooks/prune-receipts.server";
import { createShop } from "../factories/shop";
import { tickAt, useSequencer } from "../support/sequencer";

const world = useSequencer();

const NOW = new Date("2026-11-22T12:00:00Z");
const daysAgo = (days: number, minutes = 0) => new Date(NOW.getTime() - days * 86_400_000 - minutes * 60_000);

async function receiveAt(webhookId: string, receivedAt: Date) {
  await recordReceipts(db, [{ shop: TEST_SHOP, webhookId, topic: "CHECKOUTS_UPDATE" }], receivedAt);
}

const keptIds = async () => (await db.webhookReceipt.findMany({ orderBy: { webhookId: "asc" } })).map((receipt) => receipt.webhookId);

describe("pruning webhook receipts", () => {
  it("forgets receipts older than a week, oldest first and a batch at a time, and keeps the rest", async () => {
    await createShop();
    await receiveAt("a-8-days", daysAgo(8));
    await receiveAt("b-30-days", daysAgo(30));
    await receiveAt("c-just-past-a-week", daysAgo(7, 1));
    await receiveAt("d-just-within-a-week", daysAgo(6, 59 * 24));
    await receiveAt("e-today", daysAgo(0));

    expect(await pruneWebhookReceipts(db, NOW, 2)).toBe(2);
    expect(await keptIds()).toEqual(["c-just-past-a-week", "d-just-within-a-week", "e-today"]);
    expect(await pruneWebhookReceipts(db, NOW, 2)).toBe(1);
    expect(await pruneWebhookReceipts(db, NOW, 2)).toBe(0);
    expect(await keptIds()).toEqual(["d-just-within-a-week", "e-today"]);
  });

  it("is part of every sequencer tick", async () => {
    await createShop();
    await receiveAt("old", daysAgo(10));
    await receiveAt("recent", daysAgo(1));

    expect(await tickAt(world.services, NOW)).toMatchObject({ receiptsPruned: 1 });
    expect(await keptIds()).toEqual(["recent"]);
  });
});
