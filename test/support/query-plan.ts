import { inject } from "vitest";
import { db } from "~/db/client.server";

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
