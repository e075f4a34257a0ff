import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { db } from "~/db/client.server";
import { checkoutData, createSequence, createTemplate, enrollmentData } from "./recovery";

/** Rows per insert: a checkout has about twenty columns, and SQLite binds at most 32,766 values a statement. */
const ROWS_PER_INSERT = 500;
const HOUR = 60 * 60_000;

/** A checkout of a shopper of their own: the address follows the checkout's unique token. */
const shopperCheckout = (abandonedAt: Date) => () => {
  const checkout = checkoutData({ customerId: null, status: "abandoned", abandonedAt });
  return { ...checkout, email: `${checkout.token}@example.com` };
};

/**
 * `count` shoppers who abandoned their carts, each enrolled in a one-email sequence whose step is due at
 * `dueAt`: the backlog a tick finds after a busy hour. Every shopper has an address of their own, so the
 * frequency cap holds nothing back. Inserted in batches: thousands take a second or two. Returns the
 * step runs' ids.
 */
export async function createDueEmails(count: number, dueAt: Date): Promise<number[]> {
  const template = await createTemplate();
  const version = (await createSequence([{ delayMinutes: 60, templateId: template.id }])).versions[0]!;
  const step = version.steps[0]!;
  const abandonedAt = new Date(dueAt.getTime() - HOUR);
  const stepRunIds: number[] = [];
  for (let first = 0; first < count; first += ROWS_PER_INSERT) {
    const checkouts = await db.checkout.createManyAndReturn({
      data: Array.from({ length: Math.min(ROWS_PER_INSERT, count - first) }, shopperCheckout(abandonedAt)),
      select: { id: true, email: true, token: true, abandonedAt: true, shopifyCreatedAt: true },
    });
    const enrollments = await db.enrollment.createManyAndReturn({
      data: checkouts.map((checkout) => enrollmentData(checkout, version.id)),
      select: { id: true },
    });
    const stepRuns = await db.stepRun.createManyAndReturn({
      data: enrollments.map((enrollment) => ({ shop: TEST_SHOP, enrollmentId: enrollment.id, stepId: step.id, position: step.position, channel: "email", dueAt, scheduledAt: dueAt })),
      select: { id: true },
    });
    stepRunIds.push(...stepRuns.map((run) => run.id));
  }
  return stepRunIds;
}
