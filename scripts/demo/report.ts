import { db } from "~/db/client.server";
import { formatMoney } from "~/lib/money";
import { countDeliveriesByStatus } from "~/models/webhook-delivery.server";
import { recoveryReport, type RecoveryReport } from "~/recovery/recovery-report.server";
import type { SurveyReason } from "~/recovery/survey-reasons";
import { surveyBreakdown } from "~/survey/survey-breakdown.server";

export interface PlayedFigures {
  shoppers: number;
  shopifyWebhooks: number;
  redeliveries: number;
  /** Orders the simulation placed after a click, and without one: what attribution must find. */
  ordersAfterClick: number;
  ordersWithoutClick: number;
  emailsReceived: number;
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
  checks: { noDuplicateEmails: boolean; noDuplicateDeliveries: boolean; recoveredAsPlayed: boolean; boughtAfterEmailAsPlayed: boolean };
}

export async function collectReport(shop: { domain: string; currency: string }, period: { from: Date; to: Date }, played: PlayedFigures): Promise<DemoReport> {
  const recovery = await recoveryReport(db, shop, period);
  return {
    played,
    recovery,
    deliveries: await countDeliveriesByStatus(db, shop.domain),
    survey: await surveyBreakdown(db, shop.domain, period),
    checks: {
      noDuplicateEmails: played.emailsSentTwice === 0,
      noDuplicateDeliveries: played.duplicateDeliveries === 0,
      recoveredAsPlayed: recovery.recovered.orders === played.ordersAfterClick,
      boughtAfterEmailAsPlayed: recovery.boughtAfterEmail.orders === played.ordersWithoutClick,
    },
  };
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
