import { UNSENT_STEP_RUN, LINE_ITEMS, checkoutTable, enrollmentTable, money, stepRunTable } from "./bench-tables";
import type { BulkConnection } from "./bulk-connection";
import type { SeededSequence } from "./seed-history";

const MINUTE = 60_000;

export interface FirstIds {
  checkout: number;
  enrollment: number;
  stepRun: number;
}

/**
 * `count` shoppers who abandoned an hour ago, each enrolled with the first email due a minute before
 * `now`: what a tick finds after a busy hour. Ids start at `first`, past the rows already stored.
 */
export async function seedDueEmails(connection: BulkConnection, shop: string, sequence: SeededSequence, now: Date, count: number, first: FirstIds): Promise<void> {
  const [step] = sequence.steps;
  if (!step) throw new Error("The shop's sequence has no step");
  const tables = { checkouts: checkoutTable(connection), enrollments: enrollmentTable(connection), stepRuns: stepRunTable(connection) };
  const dueAt = new Date(now.getTime() - MINUTE);
  const abandonedAt = new Date(dueAt.getTime() - step.delayMinutes * MINUTE);
  const createdAt = new Date(abandonedAt.getTime() - 13 * MINUTE);
  await connection.execute("BEGIN");
  for (let index = 0; index < count; index++) {
    const [id, enrollmentId, stepRunId] = [first.checkout + index, first.enrollment + index, first.stepRun + index];
    const totalMinor = 4_000 + (index % 200) * 100;
    await tables.checkouts.add({
      id, shop, token: `due-checkout-${id}`, cartToken: `due-cart-${id}`, shopifyId: String(38_000_000_000_000 + id), status: "abandoned",
      email: `due-shopper-${id}@example.com`, firstName: "Ann", lastName: "Lee", locale: index % 5 === 0 ? "ko-KR" : "en-US",
      acceptsEmailMarketing: true, currency: "USD", subtotalPrice: money(totalMinor), totalPrice: money(totalMinor), totalPriceMinor: totalMinor,
      lineItems: LINE_ITEMS[index % LINE_ITEMS.length]!, recoveryUrl: `https://${shop}/checkouts/ac/due-cart-${id}/recover`,
      shopifyCreatedAt: createdAt, shopifyUpdatedAt: createdAt, completedAt: null, abandonedAt, abandonCheckAt: null, enrollmentId,
      createdAt, updatedAt: abandonedAt,
    });
    await tables.enrollments.add({
      id: enrollmentId, shop, sequenceVersionId: sequence.versionId, checkoutId: id, shopperKey: `due-shopper-${id}`,
      activeShopperKey: `due-shopper-${id}`, status: "active", stopReason: null, abandonedAt, cartStartedAt: createdAt, holdout: false,
      recoveredAt: null, endedAt: null, createdAt: abandonedAt, updatedAt: abandonedAt,
    });
    await tables.stepRuns.add({
      ...UNSENT_STEP_RUN, id: stepRunId, shop, enrollmentId, stepId: step.id, position: step.position, channel: "email", status: "scheduled",
      dueAt, scheduledAt: dueAt, attempts: 0, createdAt: abandonedAt, updatedAt: abandonedAt,
    });
  }
  for (const table of Object.values(tables)) await table.flush();
  await connection.execute("COMMIT");
  await connection.syncIdSequences(["Checkout", "Enrollment", "StepRun"]);
}
