import { seededRandom } from "~/experiments/seeded-random";
import type { BulkConnection } from "./bulk-connection";
import { LINE_ITEMS, UNSENT_STEP_RUN, checkoutTable, dailyStatTable, enrollmentTable, money, orderTable, stepRunTable, type OrderTable } from "./bench-tables";
import { checkoutStory, type CheckoutStory, type HistoryWindow } from "./checkout-story";
import { DailyTally } from "./daily-tally";

const MINUTE = 60_000;
/** Commits every so many checkouts: one huge transaction would grow SQLite's WAL to the database's size. */
const CHECKOUTS_PER_TRANSACTION = 50_000;

export interface SeededSequence {
  versionId: number;
  steps: { id: number; position: number; delayMinutes: number }[];
}

export interface SeededHistory {
  checkouts: number;
  enrollments: number;
  stepRuns: number;
  orders: number;
  dailyStats: number;
  seconds: number;
}

const later = (at: Date, minutes: number) => new Date(at.getTime() + minutes * MINUTE);

/**
 * A shop's stored past, as the app would have left it after `count` checkouts over the window: the
 * checkouts, an enrollment for each abandoned one with its step runs (sent, held out, or scheduled
 * for later), an attributed order for each recovered one, and the matching daily rollups. Nothing is
 * due at `window.now`. Orders of checkouts bought straight away, and timeline activities, are left
 * out: neither the sequencer's tick nor the dashboard reads them.
 */
export async function seedShopHistory(
  connection: BulkConnection,
  shop: string,
  sequence: SeededSequence,
  window: HistoryWindow,
  count: number,
): Promise<SeededHistory> {
  const started = performance.now();
  const random = seededRandom(20261123);
  const tables = {
    checkouts: checkoutTable(connection),
    enrollments: enrollmentTable(connection),
    stepRuns: stepRunTable(connection),
    orders: orderTable(connection),
    dailyStats: dailyStatTable(connection),
  };
  const tally = new DailyTally();
  const ids = { enrollment: 0, stepRun: 0, order: 0 };
  const lastStep = sequence.steps.at(-1)!;

  await connection.execute("BEGIN");
  for (let index = 0; index < count; index++) {
    const id = index + 1;
    // Zero-padded, so that string keys arrive in index order: appending to B-trees, not scattering.
    const key = String(id).padStart(8, "0");
    if (index > 0 && index % CHECKOUTS_PER_TRANSACTION === 0) {
      for (const table of Object.values(tables)) await table.flush();
      await connection.execute("COMMIT; BEGIN");
    }
    const story = checkoutStory(index, count, window, random);
    const email = story.fate === "no_contact" ? null : `shopper-${key}@example.com`;
    const status = { completed: "completed", abandoned: "abandoned", recovered: "recovered", open: "open", no_contact: "open" }[story.fate];
    const enrollmentId = story.abandonedAt ? ++ids.enrollment : null;
    await tables.checkouts.add({
      id, shop, token: `bench-checkout-${key}`, cartToken: `bench-cart-${key}`, shopifyId: String(37_000_000_000_000 + id), status, email,
      firstName: email && "Ann", lastName: email && "Lee", locale: "en-US", acceptsEmailMarketing: true, currency: "USD",
      subtotalPrice: money(story.totalMinor), totalPrice: money(story.totalMinor), totalPriceMinor: story.totalMinor,
      lineItems: LINE_ITEMS[index % LINE_ITEMS.length]!, recoveryUrl: `https://${shop}/checkouts/ac/bench-cart-${key}/recover`,
      shopifyCreatedAt: story.createdAt, shopifyUpdatedAt: story.updatedAt, completedAt: story.completedAt, abandonedAt: story.abandonedAt,
      abandonCheckAt: story.abandonCheckAt, enrollmentId, createdAt: story.createdAt, updatedAt: story.completedAt ?? story.updatedAt,
    });
    if (!enrollmentId || !story.abandonedAt) continue;

    const abandonedAt = story.abandonedAt;
    const recovered = story.completedAt ? 1 : 0;
    tally.add(abandonedAt, {
      abandoned: 1,
      abandonedValueMinor: story.totalMinor,
      ...(story.holdout ? { heldOut: 1, heldOutRecovered: recovered } : { enrolled: 1, enrolledRecovered: recovered }),
    });
    const finishedAt = later(abandonedAt, lastStep.delayMinutes);
    const end = story.completedAt
      ? { status: "stopped", reason: "purchased", at: story.completedAt }
      : finishedAt <= window.now
        ? { status: "completed", reason: null, at: finishedAt }
        : { status: "active", reason: null, at: null };
    const shopperKey = `bench-shopper-${key}`;
    await tables.enrollments.add({
      id: enrollmentId, shop, sequenceVersionId: sequence.versionId, checkoutId: id, shopperKey,
      activeShopperKey: end.status === "active" ? shopperKey : null, status: end.status, stopReason: end.reason, abandonedAt,
      cartStartedAt: story.createdAt, holdout: story.holdout, recoveredAt: story.completedAt, endedAt: end.at, createdAt: abandonedAt, updatedAt: end.at ?? abandonedAt,
    });

    let lastSent: { id: number; position: number; clicked: boolean } | null = null;
    for (const step of sequence.steps) {
      const dueAt = later(abandonedAt, step.delayMinutes);
      if (end.at && dueAt > end.at) break;
      const runId = ++ids.stepRun;
      const base = { id: runId, shop, enrollmentId, stepId: step.id, position: step.position, channel: "email", dueAt, scheduledAt: dueAt, createdAt: abandonedAt };
      if (dueAt > window.now) {
        await tables.stepRuns.add({ ...base, ...UNSENT_STEP_RUN, status: "scheduled", attempts: 0, updatedAt: abandonedAt });
        break;
      }
      if (story.holdout) {
        await tables.stepRuns.add({ ...base, ...UNSENT_STEP_RUN, status: "skipped", reason: "holdout", attempts: 0, updatedAt: dueAt });
        continue;
      }
      const sentAt = later(dueAt, 0.1);
      const reach = { delivered: random() < 0.97, opened: random() < 0.45, clicked: random() < (story.completedAt ? 0.6 : 0.1) };
      await tables.stepRuns.add({
        ...base, status: "sent", attempts: 1, sendStartedAt: dueAt, checkoutId: id, recipientHash: `bench-recipient-${key}`, locale: "en",
        providerMessageId: `bench-message-${String(runId).padStart(8, "0")}`, reason: null, sentAt, deliveredAt: reach.delivered ? later(sentAt, 1) : null,
        firstOpenedAt: reach.opened ? later(sentAt, 30) : null, firstClickedAt: reach.clicked ? later(sentAt, 31) : null, updatedAt: sentAt,
      });
      tally.add(sentAt, { emailed: 1, delivered: +reach.delivered, opened: +reach.opened, clicked: +reach.clicked }, step.position);
      lastSent = { id: runId, position: step.position, clicked: reach.clicked };
    }

    if (story.completedAt) await addRecoveredOrder(tables.orders, tally, { shop, id, key, orderId: ++ids.order, story, lastSent });
  }
  for (const row of tally.rows(shop)) await tables.dailyStats.add(row);
  for (const table of Object.values(tables)) await table.flush();
  await connection.execute("COMMIT");
  await connection.syncIdSequences(["Checkout", "Enrollment", "StepRun", "Order"]);

  return {
    checkouts: tables.checkouts.written,
    enrollments: tables.enrollments.written,
    stepRuns: tables.stepRuns.written,
    orders: tables.orders.written,
    dailyStats: tables.dailyStats.written,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The order that recovered the checkout, attributed to the last email as the app would: after a click, or just after the email. */
async function addRecoveredOrder(
  orders: OrderTable,
  tally: DailyTally,
  { shop, id, key, orderId, story, lastSent }: { shop: string; id: number; key: string; orderId: number; story: CheckoutStory; lastSent: { id: number; position: number; clicked: boolean } | null },
): Promise<void> {
  const placedAt = story.completedAt!;
  const attribution = lastSent ? (lastSent.clicked ? "clicked" : "after_email") : null;
  await orders.add({
    id: orderId, shop, shopifyId: String(5_900_000_000_000 + orderId), name: `#${1000 + orderId}`, checkoutToken: `bench-checkout-${key}`,
    cartToken: `bench-cart-${key}`, email: `shopper-${key}@example.com`, currency: "USD", totalPrice: money(story.totalMinor),
    totalPriceMinor: story.totalMinor, discountCodes: "[]", shopifyCreatedAt: placedAt, checkoutId: id, linkedBy: "checkout_token",
    attribution, attributedStepRunId: lastSent?.id ?? null, createdAt: placedAt,
  });
  if (!lastSent) return;
  const deltas = lastSent.clicked
    ? { recoveredOrders: 1, recoveredRevenueMinor: story.totalMinor }
    : { afterEmailOrders: 1, afterEmailRevenueMinor: story.totalMinor };
  tally.add(placedAt, deltas, lastSent.position);
}
