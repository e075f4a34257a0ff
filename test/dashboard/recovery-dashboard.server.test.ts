import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it, vi } from "vitest";
import { recordBannerTouch } from "~/banner/banner-touch.server";
import { dashboardPeriod } from "~/dashboard/dashboard-period";
import { ratio } from "~/dashboard/dashboard-summary";
import { recoveryDashboard } from "~/dashboard/recovery-dashboard.server";
import { db } from "~/db/client.server";
import { bumpDailyStats } from "~/models/daily-stat.server";
import { saveSurveyAnswer } from "~/models/survey-answer.server";
import { fromMinorUnits } from "~/lib/money";
import { recoveryReport } from "~/recovery/recovery-report.server";
import { loader as followLink } from "~/routes/r.$token";
import { postToEventWebhook, sendgridEvent, signedEventRequest } from "../doubles/sendgrid-events";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload, orderPayload } from "../factories/payloads";
import { createShop } from "../factories/shop";
import { installShopWithDefaultSequence, tickAt, useSequencer } from "../support/sequencer";

// The app reads its configuration once, on import: the key has to be in the environment before that.
const signer = await vi.hoisted(async () => {
  const { createEventSigner } = await import("../doubles/sendgrid-events");
  const signer = createEventSigner();
  process.env.SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY = signer.publicKey;
  return signer;
});

const world = useSequencer();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SHOPPERS = 12;

// Recovery links record clicks at the real time, so the shoppers' story is told relative to it: carts
// left three days ago, reminders since, and the clicked order placed a minute from now.
const startedAt = new Date(Math.floor((Date.now() - 3 * 24 * HOUR) / MINUTE) * MINUTE);
const after = (ms: number) => new Date(startedAt.getTime() + ms);
const iso = (date: Date) => date.toISOString();

function abandonCart(shopper: number | string, fields: Record<string, unknown> = {}) {
  return deliverWebhook(
    "checkouts/create",
    checkoutPayload({
      token: `checkout-${shopper}`,
      cart_token: `cart-${shopper}`,
      email: `shopper${shopper}@example.com`,
      customer: null,
      created_at: iso(startedAt),
      updated_at: iso(startedAt),
      ...fields,
    }),
  );
}

function order(shopper: number, id: number, at: Date) {
  return deliverWebhook(
    "orders/create",
    orderPayload({
      id,
      name: `#${id}`,
      checkout_token: `checkout-${shopper}`,
      cart_token: `cart-${shopper}`,
      email: `shopper${shopper}@example.com`,
      contact_email: `shopper${shopper}@example.com`,
      customer: null,
      created_at: iso(at),
    }),
  );
}

const sendgridEvents = (events: object[]) => postToEventWebhook(signedEventRequest(signer, events));
const shopperOf = async (enrollmentId: number) => {
  const enrollment = await db.enrollment.findUniqueOrThrow({ where: { id: enrollmentId }, include: { checkout: true } });
  return Number(enrollment.checkout.token.replace("checkout-", ""));
};

/** Carts abandoned, reminders sent (step 1 split between variants A and B), delivered, opened, clicked, and bought. */
async function driveRecoveries() {
  // The story runs on the real clock's time of day, which quiet hours would otherwise defer.
  await installShopWithDefaultSequence({ holdoutPercent: 50, quietHoursStartMinute: null, quietHoursEndMinute: null });
  const firstStep = await db.step.findFirstOrThrow({ where: { position: 1, version: { sequence: { shop: TEST_SHOP } } } });
  await db.stepVariant.createMany({
    data: [
      { stepId: firstStep.id, label: "A", weight: 50, subject: "{{ customer.first_name }}, your cart is waiting" },
      { stepId: firstStep.id, label: "B", weight: 50, subject: "Still thinking it over?" },
    ],
  });
  for (let shopper = 0; shopper < SHOPPERS; shopper++) await abandonCart(shopper);
  await abandonCart("eur", { currency: "EUR", presentment_currency: "EUR", total_price: "50.00" });

  await tickAt(world.services, after(11 * MINUTE));
  await tickAt(world.services, after(HOUR + 11 * MINUTE));
  const firstRuns = await db.stepRun.findMany({ where: { position: 1, status: "sent" }, orderBy: { id: "asc" } });
  const [clickedByLink, deliveredAndOpened, delivered, clickedInEmail] = firstRuns;
  await sendgridEvents([
    sendgridEvent("delivered", { stepRunId: deliveredAndOpened!.id }),
    sendgridEvent("open", { stepRunId: deliveredAndOpened!.id }, { sg_machine_open: false }),
    sendgridEvent("delivered", { stepRunId: delivered!.id }),
    sendgridEvent("delivered", { stepRunId: delivered!.id }),
    sendgridEvent("click", { stepRunId: clickedInEmail!.id }, { url: "https://comeback.example/r/x" }),
    sendgridEvent("open", { stepRunId: clickedInEmail!.id }, { sg_machine_open: false }),
  ]);

  const html = world.sendgrid.messages
    .find((message) => message.body.custom_args?.step_run_id === String(clickedByLink!.id))!
    .body.content!.find((part) => part.type === "text/html")!.value;
  const link = /href="(https?:\/\/[^"]+\/r\/[^"]+)"/.exec(html)![1]!;
  await followLink({ request: new Request(link), params: { token: link.split("/r/")[1]! }, context: {} });

  await tickAt(world.services, after(25 * HOUR));
  const heldOut = await db.enrollment.findFirstOrThrow({ where: { holdout: true } });
  await order(await shopperOf(clickedByLink!.enrollmentId), 9001, new Date(Date.now() + MINUTE));
  await recordBannerTouch(db, TEST_SHOP, "cart-1", "impression", after(26 * HOUR));
  await recordBannerTouch(db, TEST_SHOP, "cart-1", "click", after(26 * HOUR));
  await recordBannerTouch(db, TEST_SHOP, "cart-2", "impression", after(27 * HOUR));
  await order(await shopperOf(delivered!.enrollmentId), 9002, after(30 * HOUR));
  await order(await shopperOf(heldOut.id), 9003, after(30 * HOUR));
}

describe("the dashboard, after the engine ran", () => {
  it("shows the same figures as the direct recovery report over the same period", async () => {
    await driveRecoveries();
    const now = new Date(Date.now() + 2 * MINUTE);
    const period = dashboardPeriod(7, now, "America/New_York");

    const dashboard = (await recoveryDashboard(db, TEST_SHOP, 7, now))!;
    const report = await recoveryReport(db, { domain: TEST_SHOP, currency: "USD" }, period);
    const abandonedValue = await db.checkout.aggregate({
      where: { shop: TEST_SHOP, currency: "USD", abandonedAt: { gte: period.from, lt: period.to } },
      _sum: { totalPriceMinor: true },
    });

    expect(dashboard.summary).toEqual({
      abandoned: report.abandoned,
      abandonedValue: fromMinorUnits(abandonedValue._sum.totalPriceMinor!, "USD"),
      enrolled: report.enrolled,
      heldOut: report.holdout,
      emailed: report.emailed,
      delivered: report.delivered,
      opened: report.opened,
      clicked: report.clicked,
      openRate: ratio(report.opened, report.delivered),
      clickRate: ratio(report.clicked, report.delivered),
      recovered: { orders: report.recovered.orders, revenue: fromMinorUnits(report.recovered.revenueMinor, "USD") },
      boughtAfterEmail: { orders: report.boughtAfterEmail.orders, revenue: fromMinorUnits(report.boughtAfterEmail.revenueMinor, "USD") },
      recoveryRate: ratio(report.recovered.orders, report.abandoned),
      banner: {
        shown: await db.activity.count({ where: { kind: "banner_shown" } }),
        clicked: await db.activity.count({ where: { kind: "banner_clicked" } }),
      },
    });
    // The story reached every figure: nothing above holds by being zero on both sides.
    expect(report).toMatchObject({ abandoned: SHOPPERS + 1, delivered: 4, opened: 3, clicked: 2, recovered: { orders: 1 }, boughtAfterEmail: { orders: 1 } });
    expect(report.enrolled).toBeGreaterThan(0);
    expect(report.holdout).toBeGreaterThan(0);
    expect(dashboard.summary.banner).toEqual({ shown: 2, clicked: 1 });
    expect(report.emailed).toBeGreaterThan(report.enrolled);
    const enrollments = (holdout: boolean, where: object = {}) =>
      db.enrollment.count({ where: { shop: TEST_SHOP, holdout, abandonedAt: { gte: period.from, lt: period.to }, ...where } });
    const recovered = { recoveredAt: { not: null } };
    expect(dashboard.holdout).toMatchObject({
      treated: { enrollments: await enrollments(false), recovered: await enrollments(false, recovered) },
      holdout: { enrollments: await enrollments(true), recovered: await enrollments(true, recovered) },
    });
    expect(dashboard.holdout).toMatchObject({ treated: { recovered: 2 }, holdout: { recovered: 1 } });
  });

  it("splits the figures by step and A/B variant as the send records do", async () => {
    await driveRecoveries();
    const dashboard = (await recoveryDashboard(db, TEST_SHOP, 7, new Date(Date.now() + 2 * MINUTE)))!;
    const runs = await db.stepRun.findMany({ where: { shop: TEST_SHOP, channel: "email", status: "sent" }, include: { variant: true } });
    const orders = await db.order.findMany({ where: { attribution: "clicked" } });
    const figuresOf = (selected: typeof runs) => ({
      sent: selected.length,
      delivered: selected.filter((run) => run.deliveredAt).length,
      opened: selected.filter((run) => run.firstOpenedAt).length,
      clicked: selected.filter((run) => run.firstClickedAt).length,
      recoveredOrders: orders.filter((order) => selected.some((run) => run.id === order.attributedStepRunId)).length,
      recoveredRevenue: fromMinorUnits(
        orders.filter((order) => selected.some((run) => run.id === order.attributedStepRunId)).reduce((sum, order) => sum + order.totalPriceMinor, 0n),
        "USD",
      ),
    });
    const atStep = (position: number) => runs.filter((run) => run.position === position);
    const withVariant = (label: string) => atStep(1).filter((run) => run.variant?.label === label);

    expect(dashboard.funnel).toEqual([
      {
        position: 1,
        channel: "email",
        delayMinutes: 60,
        figures: figuresOf(atStep(1)),
        variants: ["A", "B"].filter((label) => withVariant(label).length).map((label) => ({ label, figures: figuresOf(withVariant(label)) })),
      },
      { position: 2, channel: "email", delayMinutes: 24 * 60, figures: figuresOf(atStep(2)), variants: [] },
      { position: 3, channel: "email", delayMinutes: 72 * 60, figures: figuresOf([]), variants: [] },
    ]);
    expect(dashboard.funnel[0]!.variants.length).toBeGreaterThan(0);
  });

  it("draws every day of the period, the quiet ones at zero", async () => {
    await driveRecoveries();
    const now = new Date(Date.now() + 2 * MINUTE);
    const { series } = (await recoveryDashboard(db, TEST_SHOP, 30, now))!;
    const period = dashboardPeriod(30, now, "America/New_York");

    expect(series.map((day) => day.day)).toEqual(period.days);
    expect(series.reduce((sum, day) => sum + day.abandoned, 0)).toBe(SHOPPERS + 1);
    expect(series.reduce((sum, day) => sum + day.recovered, 0)).toBe(1);
    expect(series.filter((day) => day.abandoned === 0).length).toBeGreaterThanOrEqual(28);
  });
});

describe("the dashboard's period", () => {
  // 01:30 on 22 November in Seoul, still the 21st in UTC.
  const NOW = new Date("2026-11-21T16:30:00Z");

  it("is the last 7, 30 or 90 days up to today in the shop's timezone", async () => {
    await createShop({ timezone: "Asia/Seoul" });
    for (const [day, abandoned] of [
      ["2026-08-24", 1000],
      ["2026-08-25", 100],
      ["2026-10-23", 10],
      ["2026-10-24", 1],
      ["2026-11-15", 30],
      ["2026-11-16", 2],
      ["2026-11-22", 5],
      ["2026-11-23", 7000],
    ] as const) {
      await bumpDailyStats(db, TEST_SHOP, { day }, { abandoned });
    }
    const abandonedOver = async (length: 7 | 30 | 90) => (await recoveryDashboard(db, TEST_SHOP, length, NOW))!.summary.abandoned;

    expect(await abandonedOver(7)).toBe(2 + 5);
    expect(await abandonedOver(30)).toBe(1 + 30 + 2 + 5);
    expect(await abandonedOver(90)).toBe(100 + 10 + 1 + 30 + 2 + 5);
    expect((await recoveryDashboard(db, TEST_SHOP, 7, NOW))!.period).toEqual({ length: 7, first: "2026-11-16", last: "2026-11-22" });
  });

  it("tells a shop with no figures yet apart from a quiet period, and reports no holdout it does not run", async () => {
    await createShop({ abandonmentMinutes: 30 });
    const fresh = (await recoveryDashboard(db, TEST_SHOP, 7, NOW))!;
    await bumpDailyStats(db, TEST_SHOP, { day: "2026-01-02" }, { abandoned: 1 });
    const quiet = (await recoveryDashboard(db, TEST_SHOP, 7, NOW))!;

    expect(fresh).toMatchObject({ hasData: false, holdout: null, setup: { abandonmentMinutes: 30, emailDelaysMinutes: [] }, funnel: [] });
    expect(fresh.series).toHaveLength(7);
    expect(quiet).toMatchObject({ hasData: true, summary: { abandoned: 0, openRate: null, recoveryRate: null } });
  });

  it("counts the survey's answers given during the period, every reason in the email's order", async () => {
    await createShop({ timezone: "Asia/Seoul" });
    const answers = [
      ["price", "2026-11-21T15:00:00Z"],
      ["price", "2026-11-16T00:00:00Z"],
      ["other", "2026-11-18T09:00:00Z"],
      // The day before the 7-day period began in Seoul, and another shop's answer.
      ["shipping_cost", "2026-11-15T14:59:00Z"],
    ] as const;
    for (const [index, [reason, answeredAt]] of answers.entries()) {
      await saveSurveyAnswer(db, TEST_SHOP, { stepRunId: index + 1, checkoutId: index + 1, reason, answeredAt: new Date(answeredAt) });
    }
    await createShop({ domain: "other-shop.myshopify.com" });
    await saveSurveyAnswer(db, "other-shop.myshopify.com", { stepRunId: 99, checkoutId: 99, reason: "price", answeredAt: NOW });

    const { survey } = (await recoveryDashboard(db, TEST_SHOP, 7, NOW))!;

    expect(Object.entries(survey)).toEqual([
      ["shipping_cost", 0],
      ["price", 2],
      ["just_browsing", 0],
      ["payment_problem", 0],
      ["other", 1],
    ]);
  });

  it("knows no shop it has no record of", async () => {
    expect(await recoveryDashboard(db, "unknown-shop.myshopify.com", 7, NOW)).toBeNull();
  });
});
