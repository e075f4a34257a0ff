import type { StepRun } from "@prisma/client";
import type { Db } from "~/db/client.server";
import { bumpStepDailyStats } from "~/models/daily-stat.server";
import { findShop } from "~/models/shop.server";
import { localDay } from "./local-day";

type Reach = Pick<StepRun, "deliveredAt" | "firstOpenedAt" | "firstClickedAt">;
type Message = Reach & Pick<StepRun, "channel" | "status" | "sentAt" | "position" | "variantId">;

const reached = (message: Reach) => ({
  delivered: message.deliveredAt ? 1 : 0,
  opened: message.firstOpenedAt ? 1 : 0,
  clicked: message.firstClickedAt ? 1 : 0,
});

/**
 * Counts an email step's message once it is sent, with whatever it already reached: SendGrid's events
 * can arrive before the send is concluded (a worker that crashed mid-send is settled later).
 */
export async function countSentEmail(db: Db, shop: string, stepRunId: number): Promise<void> {
  // The shop's timezone comes with the message: every sent email counts, so one read instead of two.
  const message = await db.stepRun.findFirst({
    where: { id: stepRunId, shop },
    select: { channel: true, status: true, sentAt: true, position: true, variantId: true, deliveredAt: true, firstOpenedAt: true, firstClickedAt: true, shopRecord: { select: { timezone: true } } },
  });
  if (!message) return;
  const deltas = { emailed: 1, ...reached(message) };
  if (counts(message, deltas)) await bumpMessageRows(db, shop, message, deltas, message.shopRecord.timezone);
}

/**
 * Counts the states a message reached for the first time, given its state before and after an event
 * (recordEngagement's cascade: a click also reaches open and delivery). Engagement is counted on the
 * day the message was SENT, not the day of the event, so a day's open and click rates are those of
 * that day's emails: like compared with like, and never above 100%.
 */
export async function countEngagement(db: Db, shop: string, before: Reach, after: Message): Promise<void> {
  const [was, is] = [reached(before), reached(after)];
  const deltas = { delivered: is.delivered - was.delivered, opened: is.opened - was.opened, clicked: is.clicked - was.clicked };
  if (!counts(after, deltas)) return;
  const { timezone } = (await findShop(db, shop))!;
  await bumpMessageRows(db, shop, after, deltas, timezone);
}

// Only sent emails count, as in the direct report: a webhook step's message has no opens, and events
// for a send not yet concluded are counted when it is.
function counts(message: Message, deltas: Record<string, number>): message is Message & { sentAt: Date } {
  return message.channel === "email" && message.status === "sent" && message.sentAt !== null && Object.values(deltas).some(Boolean);
}

async function bumpMessageRows(db: Db, shop: string, message: Message & { sentAt: Date }, deltas: Record<string, number>, timezone: string): Promise<void> {
  const day = localDay(message.sentAt, timezone);
  await bumpStepDailyStats(db, shop, { day, position: message.position, variantId: message.variantId }, deltas);
}
