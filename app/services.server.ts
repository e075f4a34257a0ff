import os from "node:os";
import { config } from "./config.server";
import { db } from "./db/client.server";
import { createSendgridSender } from "./email/sendgrid-sender.server";
import { logger } from "./lib/logger.server";
import { createOutboundHttp } from "./outbound/outbound-http.server";
import { runDueSteps, type TickReport } from "./sequencer/run-due-steps.server";
import { scheduleTicks } from "./sequencer/schedule-ticks.server";
import type { SequencerServices } from "./sequencer/sequencer-services";
import { adminForShop } from "./shopify-admin/admin-for-shop.server";

// The composition root: the one place that builds real collaborators from configuration.

const SEND_TIMEOUT_MS = 15_000;

export const sequencerServices: SequencerServices = {
  db,
  email: createSendgridSender({ apiKey: config.sendgrid.apiKey, apiUrl: config.sendgrid.apiUrl, timeoutMs: SEND_TIMEOUT_MS }),
  adminFor: adminForShop,
  webhookHttp: createOutboundHttp(config.webhooks),
  defaultSender: config.emailFrom,
  workerId: `${os.hostname()}:${process.pid}`,
};

export async function tick(now: Date): Promise<TickReport> {
  const report = await runDueSteps(now, sequencerServices);
  const { webhooks, ...steps } = report;
  if ([...Object.values(steps), ...Object.values(webhooks)].some((count) => count > 0)) logger.info("Sequencer tick", report);
  return report;
}

declare global {
  // One schedule per process, even when the dev server reloads this module.
  var comebackSequencerScheduled: boolean | undefined;
}

export function startSequencerSchedule(): void {
  if (!config.sequencerSchedule || globalThis.comebackSequencerScheduled) return;
  globalThis.comebackSequencerScheduled = true;
  scheduleTicks(config.sequencerSchedule, tick);
  logger.info("Sequencer scheduled", { schedule: config.sequencerSchedule });
}
