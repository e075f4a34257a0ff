import type { PrismaClient } from "@prisma/client";
import { inject } from "vitest";
import { createDbClient, db } from "~/db/client.server";

/**
 * The plan the test's database makes for a query written with `?` placeholders, one step per line.
 * PostgreSQL would scan a test's few rows sequentially whatever the indexes, so sequential scans are
 * priced out for the question "can an index serve this?".
 */
export async function queryPlan(sql: string, params: unknown[]): Promise<string> {
  if (inject("database") === "sqlite") {
    const steps = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...params);
    return steps.map((step) => step.detail).join("\n");
  }
  let position = 0;
  const numbered = sql.replace(/\?/g, () => `$${++position}`);
  return db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
    const lines = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${numbered}`, ...params);
    return lines.map((line) => line["QUERY PLAN"]).join("\n");
  });
}

/**
 * The plans of the statements `work` sends, in order. `work` gets a client of its own that records
 * them, so the plans are those of the app's own queries rather than of copies written for the test.
 */
export async function plansOfStatements(work: (client: PrismaClient) => Promise<unknown>): Promise<string[]> {
  const statements: { query: string; params: string }[] = [];
  const log: [{ emit: "event"; level: "query" }] = [{ emit: "event", level: "query" }];
  const recording = createDbClient(process.env.DATABASE_URL, { log }) as PrismaClient<{ log: typeof log }>;
  recording.$on("query", (event) => statements.push(event));
  try {
    await work(recording);
  } finally {
    await recording.$disconnect();
  }
  const plans: string[] = [];
  // Prisma logs PostgreSQL's statements already numbered ($1, $2), which queryPlan leaves as they are.
  for (const { query, params } of statements) plans.push(await queryPlan(query, JSON.parse(params) as unknown[]));
  return plans;
}
