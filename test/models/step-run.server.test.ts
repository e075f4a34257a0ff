import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { expect, inject, it } from "vitest";
import { db } from "~/db/client.server";
import { concludeStepRuns, emailsSentTo, expiredLeases } from "~/models/step-run.server";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { plansOfStatements } from "../support/query-plan";

it("concludes runs together, each with its own outcome, and leaves a run whose lease was lost to its new owner", async () => {
  await resetDatabase();
  await createShop({ timezone: "Europe/Paris" });
  const sending = async (lease: string) =>
    (
      await createSentMessage({
        checkout: { email: `${lease}@example.com` },
        stepRun: { status: "sending", leaseOwner: lease, providerMessageId: null, sentAt: null, reason: "quiet_hours" },
      })
    ).stepRun;
  const [sent, failed, lost] = [await sending("w:1"), await sending("w:2"), await sending("w:3")];
  const sentAt = new Date("2026-11-20T16:15:01.234Z");

  const concluded = await concludeStepRuns(db, [
    { claim: { id: sent.id, shop: TEST_SHOP, leaseId: "w:1" }, conclusion: { status: "sent", providerMessageId: "msg-1", sentAt } },
    { claim: { id: failed.id, shop: TEST_SHOP, leaseId: "w:2" }, conclusion: { status: "failed", reason: "provider_rejected", error: "550 mailbox unavailable" } },
    { claim: { id: lost.id, shop: TEST_SHOP, leaseId: "w:someone-else" }, conclusion: { status: "sent", providerMessageId: "msg-3", sentAt } },
  ]);

  expect(concluded).toEqual([
    expect.objectContaining({ status: "sent", sentAt, position: 1, channel: "email", timezone: "Europe/Paris" }),
    expect.objectContaining({ status: "failed", sentAt: null, timezone: "Europe/Paris" }),
    null,
  ]);
  const runs = await db.stepRun.findMany({ orderBy: { id: "asc" }, select: { status: true, providerMessageId: true, sentAt: true, reason: true, error: true, leaseOwner: true } });
  expect(runs).toEqual([
    { status: "sent", providerMessageId: "msg-1", sentAt, reason: "quiet_hours", error: null, leaseOwner: null },
    { status: "failed", providerMessageId: null, sentAt: null, reason: "provider_rejected", error: "550 mailbox unavailable", leaseOwner: null },
    { status: "sending", providerMessageId: null, sentAt: null, reason: "quiet_hours", error: null, leaseOwner: "w:3" },
  ]);
});

it("finds expired leases through the (status, leaseExpiresAt) index, so reconciling costs what has expired, not what is stored", async () => {
  const [plan] = await plansOfStatements((client) => expiredLeases(client, new Date("2026-11-20T16:00:00Z"), 100));

  expect(plan).toMatch(
    inject("database") === "sqlite"
      ? /^SEARCH main\.StepRun USING INDEX StepRun_status_leaseExpiresAt_idx \(status=\? AND leaseExpiresAt<\?\)$/
      : /Index Scan using "StepRun_status_leaseExpiresAt_idx" on "StepRun".*\n\s*Index Cond: \(\(status = 'sending'::text\) AND \("leaseExpiresAt" <= /,
  );
});

it("reads a whole batch's frequency caps through the (shop, recipientHash, sentAt) index, one range per address", async () => {
  const since = new Date("2026-11-20T00:00:00Z");
  const batch = Array.from({ length: 64 }, (_, index) => ({ shop: `shop-${index % 2}.myshopify.com`, recipientHash: `hash-${index}`, since }));
  const [plan] = await plansOfStatements((client) => emailsSentTo(client, batch));

  if (inject("database") === "sqlite") {
    const searches = plan!.split("\n").filter((step) => step.includes("StepRun"));
    expect(new Set(searches)).toEqual(new Set(["SEARCH StepRun USING INDEX StepRun_shop_recipientHash_sentAt_idx (shop=? AND recipientHash=? AND sentAt>?)"]));
    expect(searches).toHaveLength(64);
  } else {
    // On a test's empty tables PostgreSQL may prefer any index; what matters is that one serves the read.
    expect(plan).toMatch(/Index Scan|Bitmap Index Scan/);
  }
});
