import { expect, inject, it } from "vitest";
import { dueAbandonmentChecks } from "~/models/checkout.server";
import { plansOfStatements } from "../support/query-plan";

it("finds due abandonment checks through the abandonCheckAt index, so a tick's cost follows the checks due, not the checkouts stored", async () => {
  const [plan] = await plansOfStatements((client) => dueAbandonmentChecks(client, new Date("2026-11-20T16:00:00Z"), 100));

  expect(plan).toMatch(
    inject("database") === "sqlite"
      ? /^SEARCH main\.Checkout USING INDEX Checkout_abandonCheckAt_idx \(abandonCheckAt<\?\)$/
      : /Index Scan (using|on) "Checkout_abandonCheckAt_idx".*\n\s*Index Cond: \("abandonCheckAt" <= /,
  );
});
