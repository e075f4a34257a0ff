import { countEngagement } from "~/dashboard/count-email.server";
import type { Db } from "~/db/client.server";

export type Engagement = "delivered" | "opened" | "clicked" | "bounced";

/**
 * Records what a message's recipient did, once per state and with cascade: a click implies an open,
 * and an open a delivery, even when the provider never reported the earlier event (image blocking).
 * Returns false when the send record is not the shop's.
 */
export async function recordEngagement(db: Db, shop: string, stepRunId: number, engagement: Engagement, at: Date): Promise<boolean> {
  const run = await db.stepRun.findFirst({
    where: { id: stepRunId, shop },
    select: { deliveredAt: true, firstOpenedAt: true, firstClickedAt: true, lastClickedAt: true, bouncedAt: true },
  });
  if (!run) return false;
  const earliest = (current: Date | null) => (current && current <= at ? current : at);
  const implied = { delivered: 0, opened: 1, clicked: 2, bounced: -1 }[engagement];
  const after = await db.stepRun.update({
    where: { id: stepRunId },
    data: {
      ...(implied >= 0 && { deliveredAt: earliest(run.deliveredAt) }),
      ...(implied >= 1 && { firstOpenedAt: earliest(run.firstOpenedAt) }),
      ...(implied >= 2 && {
        firstClickedAt: earliest(run.firstClickedAt),
        lastClickedAt: run.lastClickedAt && run.lastClickedAt > at ? run.lastClickedAt : at,
      }),
      ...(engagement === "bounced" && { bouncedAt: earliest(run.bouncedAt) }),
    },
  });
  await countEngagement(db, shop, run, after);
  return true;
}
