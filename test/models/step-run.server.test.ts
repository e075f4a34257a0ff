import { expect, inject, it } from "vitest";
import { expiredLeases } from "~/models/step-run.server";
import { plansOfStatements } from "../support/query-plan";

it("finds expired leases through the (status, leaseExpiresAt) index, so reconciling costs what has expired, not what is stored", async () => {
  const [plan] = await plansOfStatements((client) => expiredLeases(client, new Date("2026-11-20T16:00:00Z"), 100));

  expect(plan).toMatch(
    inject("database") === "sqlite"
      ? /^SEARCH main\.StepRun USING INDEX StepRun_status_leaseExpiresAt_idx \(status=\? AND leaseExpiresAt<\?\)$/
      : /Index Scan using "StepRun_status_leaseExpiresAt_idx" on "StepRun".*\n\s*Index Cond: \(\(status = 'sending'::text\) AND \("leaseExpiresAt" <= /,
  );
});
