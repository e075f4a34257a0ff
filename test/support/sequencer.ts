import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { db } from "~/db/client.server";
import { createSendgridSender } from "~/email/sendgrid-sender.server";
import { ensureDefaultSequence } from "~/recovery/default-sequence.server";
import { createOutboundHttp } from "~/outbound/outbound-http.server";
import { runDueSteps } from "~/sequencer/run-due-steps.server";
import { adminForShop } from "~/shopify-admin/admin-for-shop.server";
import type { SequencerServices } from "~/sequencer/sequencer-services";
import { startSendgridServer, type ReceivedMessage, type SendgridServer } from "../doubles/sendgrid-server";
import { createShop } from "../factories/shop";
import { resetDatabase } from "./database";

export const SENDER = "hello@test-shop.example";

interface SequencerOptions {
  /** The SendGrid client's timeout. */
  timeoutMs?: number;
  /** Runs while SendGrid holds each accepted message, before it answers. */
  onMessage?: (message: ReceivedMessage) => void | Promise<void>;
}

/**
 * The sequencer wired to the real SendGrid client, talking to a local SendGrid-compatible server. The
 * default timeout leaves room for a busy test machine; timeout tests pass a short one.
 */
async function startSequencer({ timeoutMs = 10_000, onMessage }: SequencerOptions = {}): Promise<{
  sendgrid: SendgridServer;
  services: SequencerServices;
  close: () => Promise<void>;
}> {
  const sendgrid = await startSendgridServer({ onMessage });
  const services: SequencerServices = {
    db,
    email: createSendgridSender({ apiKey: sendgrid.apiKey, apiUrl: sendgrid.apiUrl, timeoutMs }),
    adminFor: adminForShop,
    // Receivers in tests listen on loopback, which production refuses.
    webhookHttp: createOutboundHttp({ allowPrivateNetworks: true, allowedAddresses: [] }),
    defaultSender: { email: SENDER, name: null },
    workerId: "test-worker",
    random: () => 1,
  };
  return { sendgrid, services, close: () => sendgrid.close() };
}

/**
 * Registers the hooks of a sequencer test file: one SendGrid double for the file, and an empty
 * database and mailbox before each test. Read `sendgrid` and `services` inside tests.
 */
export function useSequencer(options: SequencerOptions = {}): { sendgrid: SendgridServer; services: SequencerServices } {
  const world = {} as { sendgrid: SendgridServer; services: SequencerServices; close: () => Promise<void> };
  beforeAll(async () => Object.assign(world, await startSequencer(options)));
  afterAll(() => world.close());
  beforeEach(async () => {
    await resetDatabase();
    world.sendgrid.reset();
  });
  return world;
}

/** An installed shop with the default 3-step sequence, as afterAuth leaves it. */
export async function installShopWithDefaultSequence(overrides: Parameters<typeof createShop>[0] = {}) {
  const shop = await createShop(overrides);
  await ensureDefaultSequence(db, shop.domain);
  return shop;
}

/** One sequencer tick at the given instant. */
export function tickAt(services: SequencerServices, at: string | Date) {
  return runDueSteps(new Date(at), services);
}

export const activityKinds = async (checkoutId: number) =>
  (await db.activity.findMany({ where: { shop: TEST_SHOP, checkoutId }, orderBy: [{ at: "asc" }, { id: "asc" }] })).map((entry) =>
    entry.reason ? `${entry.kind}:${entry.reason}` : entry.kind,
  );
