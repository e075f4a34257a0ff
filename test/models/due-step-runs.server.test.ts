import { expect, inject, it } from "vitest";
import { db } from "~/db/client.server";
import { claimDueStepRuns, type BatchClaim } from "~/models/due-step-runs.server";
import { createDueEmails } from "../factories/due-emails";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { plansOfStatements } from "../support/query-plan";

const NOW = new Date("2026-11-23T12:00:00Z");
const claimAs = (worker: string, overrides: Partial<BatchClaim> = {}) =>
  claimDueStepRuns(db, { now: NOW, at: NOW, leaseMs: 120_000, leasePrefix: `${worker}:`, limit: 16, ...overrides });

it("claims at most a batch of due runs per statement, disjoint between concurrent claims, each under a lease of its own", async () => {
  await createShop();
  const due = await createDueEmails(40, new Date(NOW.getTime() - 60_000));
  const notDueYet = await createDueEmails(1, new Date(NOW.getTime() + 60_000));

  // Concurrent: on PostgreSQL each skips the rows the other is claiming; SQLite runs them one after the other.
  const [first, second] = await Promise.all([claimAs("worker-a"), claimAs("worker-b")]);
  const rest = await claimAs("worker-c");
  const nothingLeft = await claimAs("worker-d");

  expect([first.length, second.length, rest.length, nothingLeft.length]).toEqual([16, 16, 8, 0]);
  const claimed = [...first, ...second, ...rest];
  expect(claimed.map((claim) => claim.id).sort((a, b) => a - b)).toEqual(due);
  expect(first.every((claim) => claim.leaseId === `worker-a:${claim.id}`)).toBe(true);
  expect(await db.stepRun.findMany({ where: { id: { in: due } }, select: { status: true, leaseOwner: true, leaseExpiresAt: true }, distinct: ["status"] })).toEqual([
    { status: "sending", leaseOwner: expect.any(String), leaseExpiresAt: new Date(NOW.getTime() + 120_000) },
  ]);
  expect(await db.stepRun.findUniqueOrThrow({ where: { id: notDueYet[0]! } })).toMatchObject({ status: "scheduled", leaseOwner: null });
});

it("answers each claimed run as the claim left it, as reading it would", async () => {
  await resetDatabase();
  await createShop();
  const [due] = await createDueEmails(1, new Date(NOW.getTime() - 60_000));

  const [claimed] = await claimAs("worker-a");

  expect(claimed?.run).toEqual(await db.stepRun.findUniqueOrThrow({ where: { id: due! } }));
});

it("reads the due runs through the (status, dueAt) index and updates them by key, so a claim's cost follows the due runs, not the scheduled ones", async () => {
  const [plan] = await plansOfStatements((client) => claimDueStepRuns(client, { now: NOW, at: NOW, leaseMs: 120_000, leasePrefix: "worker-a:", limit: 16 }));

  if (inject("database") === "sqlite") {
    expect(plan!.split("\n").filter((step) => step.includes("StepRun"))).toEqual([
      "SEARCH StepRun USING INTEGER PRIMARY KEY (rowid=?)",
      "SEARCH StepRun USING COVERING INDEX StepRun_status_dueAt_idx (status=? AND dueAt<?)",
    ]);
  } else {
    expect(plan).toMatch(/Index Scan using "StepRun_status_dueAt_idx" on "StepRun".*\n\s*Index Cond: \(\(status = 'scheduled'::text\) AND \("dueAt" <= /);
    expect(plan).toMatch(/Index Scan using "StepRun_pkey" on "StepRun" .*\n\s*Index Cond: \(id = due\.id\)/);
  }
});
