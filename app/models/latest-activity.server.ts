import type { Db } from "~/db/client.server";

const SHOWN = { checkoutId: true, kind: true, reason: true, detail: true, at: true } as const;

/**
 * The newest timeline entry of each checkout. One indexed lookup per checkout on (shop, checkoutId, at),
 * so a page of the list costs its size, however long each checkout's history grew.
 */
export async function latestActivityOfCheckouts(db: Db, shop: string, checkoutIds: number[]) {
  const latest = await Promise.all(
    checkoutIds.map((checkoutId) => db.activity.findFirst({ where: { shop, checkoutId }, orderBy: [{ at: "desc" }, { id: "desc" }], select: SHOWN })),
  );
  return new Map(latest.flatMap((entry) => (entry?.checkoutId ? [[entry.checkoutId, entry] as const] : [])));
}

/** What was last recorded about one step run: the entry a run that just executed wrote. */
export function latestActivityOfStepRun(db: Db, shop: string, stepRunId: number) {
  return db.activity.findFirst({ where: { shop, stepRunId }, orderBy: { id: "desc" }, select: SHOWN });
}
