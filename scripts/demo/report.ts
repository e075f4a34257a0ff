import { db } from "~/db/client.server";
import { formatMoney } from "~/lib/money";
import { countDeliveriesByStatus } from "~/models/webhook-delivery.server";
import { recoveryReport, type RecoveryReport } from "~/recovery/recovery-report.server";
import type { SurveyReason } from "~/recovery/survey-reasons";
import { surveyBreakdown } from "~/survey/survey-breakdown.server";
import type { Reaction } from "./shopper-reactions";

export interface PlayedFigures {
  shoppers: number;
  shopifyWebhooks: number;
  redeliveries: number;
  /** Orders the simulation placed after a click, and without one: what attribution must find. */
  ordersAfterClick: number;
  /** What the orders after a click add up to: the recovered revenue attribution must find. */
  revenueAfterClickMinor: bigint;
  ordersWithoutClick: number;
  /** What shoppers did about their emails, counted as each was played. */
  reactions: Record<Reaction["kind"], number>;
  emailsReceived: number;
  /** Emails opened or clicked, each counted once. */
  emailsOpened: number;
  /** Step runs the SendGrid stand-in received more than one email for. */
  emailsSentTwice: number;
  deliveriesReceived: Record<string, number>;
  duplicateDeliveries: number;
  mailFolder: string;
  seconds: number;
}

export interface DemoReport {
  played: PlayedFigures;
  recovery: RecoveryReport;
  deliveries: Record<string, number>;
  survey: Record<SurveyReason, number>;
  /** Each figure of the report against what was played, and no duplicates. */
  checks: Record<string, boolean>;
}

export async function collectReport(shop: { domain: string; currency: string }, period: { from: Date; to: Date }, played: PlayedFigures): Promise<DemoReport> {
  const recovery = await recoveryReport(db, shop, period);
  const deliveries = await countDeliveriesByStatus(db, shop.domain);
  const survey = await surveyBreakdown(db, shop.domain, period);
  return {
    played,
    recovery,
    deliveries,
    survey,
    checks: {
      noDuplicateEmails: played.emailsSentTwice === 0,
      noDuplicateDeliveries: played.duplicateDeliveries === 0,
      checkoutsAsPlayed: recovery.checkouts === played.shoppers,
      emailedAsReceived: recovery.emailed === played.emailsReceived,
      deliveredAsPlayed: recovery.delivered === played.reactions.delivered,
      openedAsPlayed: recovery.opened === played.emailsOpened,
      clickedAsPlayed: recovery.clicked === played.reactions.click,
      recoveredAsPlayed: recovery.recovered.orders === played.ordersAfterClick && recovery.recovered.revenueMinor === played.revenueAfterClickMinor,
      boughtAfterEmailAsPlayed: recovery.boughtAfterEmail.orders === played.ordersWithoutClick,
      webhookDeliveriesAsReceived: (deliveries.delivered ?? 0) === total(played.deliveriesReceived),
      surveyAnswersAsPlayed: total(survey) === played.reactions.survey,
    },
  };
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}

export function printReport({ played, recovery, deliveries, survey, checks }: DemoReport): void {
  const money = (minor: bigint) => formatMoney(minor, recovery.currency, "en-US");
  const rate = (part: number, whole: number) => (whole ? `${((100 * part) / whole).toFixed(1)} %` : "–");
  const rows: [string, string | number][] = [
    ["Shoppers simulated", played.shoppers],
    ["Shopify webhooks played (signed)", `${played.shopifyWebhooks}, of which ${played.redeliveries} redeliveries`],
    ["Checkouts", recovery.checkouts],
    ["Abandoned", recovery.abandoned],
    ["Enrolled in the sequence", recovery.enrolled],
    ["Emails sent", recovery.emailed],
    ["Delivered", recovery.delivered],
    ["Opened", `${recovery.opened} (${rate(recovery.opened, recovery.emailed)})`],
    ["Clicked", `${recovery.clicked} (${rate(recovery.clicked, recovery.emailed)})`],
    ["Recovered orders (after a click)", `${recovery.recovered.orders}, ${money(recovery.recovered.revenueMinor)}`],
    ["Bought after an email, no click", `${recovery.boughtAfterEmail.orders}, ${money(recovery.boughtAfterEmail.revenueMinor)}`],
    ["Recovery rate", rate(recovery.recovered.orders, recovery.abandoned)],
    ["Webhook deliveries", Object.entries(deliveries).map(([status, count]) => `${count} ${status}`).join(", ") || "none"],
    ["Received by destinations", Object.entries(played.deliveriesReceived).map(([name, count]) => `${name} ${count}`).join(", ")],
    ["Survey answers", Object.entries(survey).filter(([, count]) => count > 0).map(([reason, count]) => `${reason} ${count}`).join(", ") || "none"],
    ["Duplicates (emails, deliveries)", `${played.emailsSentTwice}, ${played.duplicateDeliveries}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log("\nComeback demo: recovery report\n");
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  const failed = Object.entries(checks).filter(([, ok]) => !ok).map(([name]) => name);
  console.log(`\n  Checks: ${failed.length ? `FAILED ${failed.join(", ")}` : "all passed"}`);
  console.log(`  Emails (.eml and .html): ${played.mailFolder}`);
  console.log(`  Took ${played.seconds.toFixed(1)} s\n`);
}
