import { db } from "~/db/client.server";

/** Empties every table between tests; each test file already has a database of its own. */
export async function resetDatabase(): Promise<void> {
  await db.webhookReceipt.deleteMany();
  await db.session.deleteMany();
  // Everything else belongs to a shop and goes with it.
  await db.shop.deleteMany();
}
