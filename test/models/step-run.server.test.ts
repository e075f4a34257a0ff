import { expect, inject, it } from "vitest";
import { emailsSentTo, expiredLeases } from "~/models/step-run.server";
import { plansOfStatements } from "../support/query-plan";

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
