import type { Prisma } from "@prisma/client";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { sharedSendRecords } from "~/sequencer/send-records.server";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const AT = new Date("2026-11-20T16:15:00Z");

/** A run claimed under `lease` whose send is about to start. */
async function sendingRun(lease: string, checkout: Partial<Prisma.CheckoutUncheckedCreateInput> = {}) {
  const message = await createSentMessage({
    checkout: { email: `${lease}@example.com`, ...checkout },
    stepRun: { status: "sending", leaseOwner: lease, sentAt: null, attempts: 0, recipientHash: null, locale: null },
  });
  const attempt = { checkoutId: message.checkout.id, recipientHash: `hash-${lease}`, locale: "en", variantId: null };
  return { ...message, claim: { id: message.stepRun.id, shop: TEST_SHOP, leaseId: lease }, attempt };
}

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("a tick's shared send records", () => {
  it("marks sends that start together each with its own attempt, and none whose lease was lost or whose enrollment ended", async () => {
    const records = sharedSendRecords(db);
    const [ann, lost, stopped] = [await sendingRun("w:1"), await sendingRun("w:2"), await sendingRun("w:3")];
    await db.enrollment.update({ where: { id: stopped.enrollment.id }, data: { status: "stopped", stopReason: "purchased", activeShopperKey: null } });

    const marked = await Promise.all([
      records.markStarted(ann.claim, ann.attempt, AT),
      records.markStarted({ ...lost.claim, leaseId: "w:someone-else" }, lost.attempt, AT),
      records.markStarted(stopped.claim, stopped.attempt, AT),
    ]);

    expect(marked).toEqual([true, false, false]);
    const runs = await db.stepRun.findMany({ orderBy: { id: "asc" }, select: { sendStartedAt: true, attempts: true, recipientHash: true, locale: true, checkoutId: true } });
    expect(runs).toEqual([
      { sendStartedAt: AT, attempts: 1, recipientHash: "hash-w:1", locale: "en", checkoutId: ann.checkout.id },
      { sendStartedAt: null, attempts: 0, recipientHash: null, locale: null, checkoutId: lost.checkout.id },
      { sendStartedAt: null, attempts: 0, recipientHash: null, locale: null, checkoutId: stopped.checkout.id },
    ]);
  });

  it("concludes sends that answered together, each answered for itself and sent at its own time", async () => {
    const records = sharedSendRecords(db);
    const [ann, lost, bea] = [await sendingRun("w:1"), await sendingRun("w:2"), await sendingRun("w:3")];
    const sent = (run: typeof ann, leaseId: string, sentAt: Date) =>
      records.concludeSent({
        claim: { ...run.claim, leaseId },
        run: { position: 1, checkoutId: run.checkout.id },
        enrollment: run.enrollment,
        conclusion: { status: "sent", providerMessageId: `message-${leaseId}`, sentAt },
        now: sentAt,
      });
    const later = new Date(AT.getTime() + 1_234);

    expect(await Promise.all([sent(ann, "w:1", AT), sent(lost, "w:someone-else", AT), sent(bea, "w:3", later)])).toEqual([true, false, true]);
    expect(await db.stepRun.findMany({ orderBy: { id: "asc" }, select: { status: true, providerMessageId: true, sentAt: true } })).toEqual([
      { status: "sent", providerMessageId: "message-w:1", sentAt: AT },
      { status: "sending", providerMessageId: "LRzXl_NHStOGhQ4kofSm_A", sentAt: null },
      { status: "sent", providerMessageId: "message-w:3", sentAt: later },
    ]);
  });
});
