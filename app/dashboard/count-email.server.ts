import type { StepRun } from "@prisma/client";
import type { Db } from "~/db/client.server";
import type { RawSql } from "~/db/direct-transaction.server";
import { bumpStepDailyStats, type DailyStatKey } from "~/models/daily-stat.server";
import { findShop } from "~/models/shop.server";
import type { ConcludedRun } from "~/models/step-run.server";
import { localDay } from "./local-day";

type Reach = Pick<StepRun, "deliveredAt" | "firstOpenedAt" | "firstClickedAt">;
type Message = Reach & Pick<StepRun, "channel" | "status" | "sentAt" | "position" | "variantId">;

const reached = (message: Reach) => ({
  delivered: message.deliveredAt ? 1 : 0,
  opened: message.firstOpenedAt ? 1 : 0,
  clicked: message.firstClickedAt ? 1 : 0,
});

/**
 * Counts email steps' messages as they are concluded sent, with whatever each already reached:
 * SendGrid's events can arrive before a send is concluded (a worker that crashed mid-send is settled
 * later). Each rollup row is bumped once with the sum of its messages, rows in a fixed order so that
 * concurrent workers lock them alike.
 */
export async function countSentEmails(db: RawSql, messages: Array<ConcludedRun & { shop: string }>): Promise<void> {
  const rows = new Map<string, { shop: string; key: Required<DailyStatKey>; deltas: Record<string, number> }>();
  for (const message of messages) {
    const deltas = { emailed: 1, ...reached(message) };
    if (!counts(message, deltas)) continue;
    const key = { day: localDay(message.sentAt, message.timezone), position: message.position, variantId: message.variantId };
    const id = JSON.stringify([message.shop, key.day, key.position, key.variantId ?? 0]);
    const row = rows.get(id) ?? { shop: message.shop, key, deltas: {} };
    for (const [field, delta] of Object.entries(deltas)) row.deltas[field] = (row.deltas[field] ?? 0) + delta;
    rows.set(id, row);
  }
  for (const id of [...rows.keys()].sort()) {
    const { shop, key, deltas } = rows.get(id)!;
    await bumpStepDailyStats(db, shop, key, deltas);
  }
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
