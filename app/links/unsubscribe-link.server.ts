import type { PrismaClient } from "@prisma/client";
import type { Db } from "~/db/client.server";
import { logger } from "~/lib/logger.server";
import { recordActivity } from "~/models/activity.server";
import { contactHash } from "~/lib/contact-hash";
import type { LinkedMessage } from "~/models/step-run-links.server";
import { suppressContactHash, suppressionForContactHash } from "~/models/suppression.server";
import { stopEnrollment } from "~/recovery/stop-enrollment.server";
import { openLink, type LinkShop } from "./open-link.server";

export type UnsubscribeLinkOutcome = { status: "valid" | "expired"; shop: LinkShop } | { status: "invalid" };

/**
 * Reads an unsubscribe link without acting on it: mail scanners fetch every link in a message, so only
 * a POST, from the shopper's button or the mailbox provider's one-click request, unsubscribes.
 */
export async function checkUnsubscribeLink(db: Db, token: string, now: Date): Promise<UnsubscribeLinkOutcome> {
  const link = await openLink(db, token, "unsubscribe", now);
  return link.status === "valid" ? { status: "valid", shop: link.shop } : link;
}

/**
 * Stops the shop's emails to the address the message went to, at once and for good, and ends the
 * shopper's running sequence; using the link again changes nothing. The address is known by the hash
 * recorded at send time, so the opt-out works even after the shopper's data was erased. An expired
 * link unsubscribes no one: every email carries a fresh link valid for a year, so a shopper still
 * receiving mail always holds one that works, while an old token lying in forwarded mail or provider
 * logs stops being a standing capability. A shop that uninstalled still gets the opt-out: it holds
 * only a hash, and it keeps a reinstall from emailing the shopper.
 */
export async function unsubscribeThroughLink(db: PrismaClient, token: string, now: Date): Promise<UnsubscribeLinkOutcome> {
  const link = await openLink(db, token, "unsubscribe", now);
  if (link.status !== "valid") return link;
  const { message } = link;
  const email = message.checkout?.email;
  const hash = message.recipientHash ?? (email ? contactHash(message.shop.domain, email) : null);
  // A message never sent to an address that was since erased leaves nothing to suppress.
  if (hash) await suppress(db, message, hash, now);
  logger.info("Unsubscribe link used", { shop: message.shop.domain, stepRunId: message.stepRunId, suppressed: Boolean(hash) });
  return { status: "valid", shop: link.shop };
}

async function suppress(db: PrismaClient, message: LinkedMessage, hash: string, now: Date): Promise<void> {
  const shop = message.shop.domain;
  const checkoutId = message.checkout?.id ?? null;
  await db.$transaction(async (tx) => {
    const alreadyUnsubscribed = (await suppressionForContactHash(tx, shop, hash)) === "unsubscribed";
    await suppressContactHash(tx, shop, hash, "unsubscribed", now);
    if (alreadyUnsubscribed) return;
    await recordActivity(tx, shop, { kind: "unsubscribed", at: now, checkoutId, enrollmentId: message.enrollmentId, stepRunId: message.stepRunId });
    if (checkoutId) await stopEnrollment(tx, shop, { id: message.enrollmentId, checkoutId }, "unsubscribed", now);
  });
}
