import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { followRecoveryLink } from "~/links/follow-recovery-link.server";
import { messageLinks } from "~/links/message-links.server";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload, orderPayload } from "../factories/payloads";
import { installShopWithDefaultSequence, tickAt, useSequencer } from "../support/sequencer";

const world = useSequencer();

// The fixture checkout is abandoned at 15:54:02Z; the default steps fall due 1 h, 24 h and 72 h later.
// The shop keeps the default attribution window of 5 days.
const ABANDONED_AT = "2026-11-20T15:54:02Z";
const at = (hoursAfterAbandonment: number, extraMinutes = 1) =>
  new Date(Date.parse(ABANDONED_AT) + hoursAfterAbandonment * 3_600_000 + extraMinutes * 60_000);
const DAYS = 24;

const stepRun = (position: number) => db.stepRun.findFirstOrThrow({ where: { position } });

/** Ann abandons her checkout and is sent the reminders due by `hours` after abandonment. */
async function remindedUntil(hours: number) {
  await installShopWithDefaultSequence();
  await deliverWebhook("checkouts/create", checkoutPayload());
  for (const due of [0, 1, 24, 72].filter((due) => due <= hours)) await tickAt(world.services, at(due));
}

/** Ann follows the recovery link of the step's email at the given moment. */
async function clickRecoveryLink(position: number, when: Date) {
  const run = await stepRun(position);
  const token = messageLinks(run.id, run.sentAt!).recoveryUrl.split("/r/")[1]!;
  expect(await followRecoveryLink(db, token, { now: when, isClick: true })).toMatchObject({ status: "redirect" });
}

const order = (placedAt: Date, fields: Record<string, unknown> = {}) =>
  deliverWebhook("orders/create", orderPayload({ created_at: placedAt.toISOString(), ...fields }));

describe("the attribution window", () => {
  it("leaves out a click older than the window; an email sent within it still counts the order as bought after it", async () => {
    await remindedUntil(24);
    await clickRecoveryLink(1, at(1, 5));
    await order(at(5 * DAYS + 2));

    expect(await db.order.findFirstOrThrow()).toMatchObject({ attribution: "after_email", attributedStepRunId: (await stepRun(2)).id });
  });

  it("attributes nothing when the last email went out before the window", async () => {
    await remindedUntil(1);
    await order(at(5 * DAYS + 2));

    expect(await db.order.findFirstOrThrow()).toMatchObject({ attribution: null, attributedStepRunId: null });
    expect(await db.enrollment.findFirstOrThrow()).toMatchObject({ status: "stopped", stopReason: "purchased" });
  });
});

describe("which click recovered the order", () => {
  it("is the last one: the second email's, clicked after the first's", async () => {
    await remindedUntil(24);
    await clickRecoveryLink(1, at(24, 10));
    await clickRecoveryLink(2, at(24, 20));
    await order(at(26));

    expect(await db.order.findFirstOrThrow()).toMatchObject({ attribution: "clicked", attributedStepRunId: (await stepRun(2)).id });
  });

  it("is the last one: the first email's, clicked again after the second's", async () => {
    await remindedUntil(24);
    await clickRecoveryLink(1, at(24, 10));
    await clickRecoveryLink(2, at(24, 20));
    await clickRecoveryLink(1, at(24, 30));
    await order(at(26));

    expect(await db.order.findFirstOrThrow()).toMatchObject({ attribution: "clicked", attributedStepRunId: (await stepRun(1)).id });
  });
});

describe("an order from another checkout of the shopper", () => {
  it("is attributed to the enrollment of the checkout they abandoned, and stops it", async () => {
    await remindedUntil(1);
    await clickRecoveryLink(1, at(1, 5));
    const freshCheckout = { token: "fresh-checkout", cart_token: "fresh-cart", created_at: at(2).toISOString(), updated_at: at(2).toISOString() };
    await deliverWebhook("checkouts/create", checkoutPayload(freshCheckout));
    await order(at(2, 5), { checkout_token: "fresh-checkout", cart_token: "fresh-cart" });

    const fresh = await db.checkout.findFirstOrThrow({ where: { token: "fresh-checkout" } });
    expect(fresh).toMatchObject({ status: "completed", enrollmentId: null });
    expect(await db.order.findFirstOrThrow()).toMatchObject({
      checkoutId: fresh.id,
      linkedBy: "checkout_token",
      attribution: "clicked",
      attributedStepRunId: (await stepRun(1)).id,
    });
    expect(await db.enrollment.findFirstOrThrow()).toMatchObject({ status: "stopped", stopReason: "purchased" });
  });
});

describe("an enrollment's recovery, for the holdout comparison", () => {
  // The days that counted an enrollment or a recovery; emails of later days have rows of their own.
  const recoveredCounts = async () => {
    const rows = await db.dailyStat.findMany({ where: { position: 0 }, select: { day: true, enrolled: true, enrolledRecovered: true, heldOutRecovered: true } });
    return rows.filter(({ enrolled, enrolledRecovered, heldOutRecovered }) => enrolled + enrolledRecovered + heldOutRecovered > 0);
  };

  it("is counted once, on the day the checkout was abandoned, by the shopper's first order through any of their checkouts", async () => {
    await remindedUntil(24);
    const freshCheckout = { token: "fresh-checkout", cart_token: "fresh-cart", created_at: at(30).toISOString(), updated_at: at(30).toISOString() };
    await deliverWebhook("checkouts/create", checkoutPayload(freshCheckout));
    await order(at(30, 5), { id: 8001, checkout_token: "fresh-checkout", cart_token: "fresh-cart" });
    await order(at(31), { id: 8002, checkout_token: null, cart_token: null });

    expect(await db.enrollment.findFirstOrThrow()).toMatchObject({ recoveredAt: at(30, 5) });
    // Abandoned on the 20th in the shop's timezone (New York); the orders came the next day.
    expect(await recoveredCounts()).toEqual([{ day: "2026-11-20", enrolled: 1, enrolledRecovered: 1, heldOutRecovered: 0 }]);
  });

  it("is counted in the holdout group for a shopper held out", async () => {
    await installShopWithDefaultSequence({ holdoutPercent: 100 });
    await deliverWebhook("checkouts/create", checkoutPayload());
    await tickAt(world.services, at(0));
    await order(at(3));

    expect(await db.enrollment.findFirstOrThrow()).toMatchObject({ holdout: true, recoveredAt: at(3) });
    expect(await recoveredCounts()).toEqual([{ day: "2026-11-20", enrolled: 0, enrolledRecovered: 0, heldOutRecovered: 1 }]);
    expect(await db.dailyStat.findFirstOrThrow({ where: { day: "2026-11-20", position: 0 } })).toMatchObject({ heldOut: 1 });
  });
});
