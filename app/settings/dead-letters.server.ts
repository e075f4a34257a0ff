import type { Db } from "~/db/client.server";
import { findShop } from "~/models/shop.server";
import { listDeadLetters } from "~/outbound/deliveries.server";
import { deadLetterEntry, type DeadLetterEntry } from "./delivery-views";

export type DeadLetterPage = { timezone: string; deadLetters: DeadLetterEntry[] };

/** The shop's dead-letter list, newest first, with the timezone its times are shown in. */
export async function loadDeadLetterPage(db: Db, shop: string): Promise<DeadLetterPage | null> {
  const [shopRecord, deadLetters] = await Promise.all([findShop(db, shop), listDeadLetters(db, shop)]);
  return shopRecord && { timezone: shopRecord.timezone, deadLetters: deadLetters.map(deadLetterEntry) };
}
