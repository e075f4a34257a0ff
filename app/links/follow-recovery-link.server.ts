import type { PrismaClient } from "@prisma/client";
import { isUsable } from "~/discounts/stored-discount";
import { logger } from "~/lib/logger.server";
import { recordActivity } from "~/models/activity.server";
import { recordEngagement } from "~/models/engagement.server";
import type { LinkedMessage } from "~/models/step-run-links.server";
import { openLink, type LinkShop } from "./open-link.server";
import { recoveryDestination } from "./recovery-destination";

export type RecoveryLinkOutcome =
  | { status: "redirect"; location: string }
  | { status: "expired"; shop: LinkShop }
  | { status: "invalid" };

export interface LinkVisit {
  now: Date;
  /** False for requests that only look at the link, such as the HEAD requests of link scanners. */
  isClick: boolean;
}

/** Resolves a recovery link to where the shopper should go, counting the click when it is one. */
export async function followRecoveryLink(db: PrismaClient, token: string, visit: LinkVisit): Promise<RecoveryLinkOutcome> {
  const link = await openLink(db, token, "recover", visit.now);
  if (link.status !== "valid") return link;
  const { message } = link;
  // An uninstalled shop still has a storefront to send the shopper to, but nothing more is recorded for it.
  if (visit.isClick && message.shop.status === "installed") await recordClick(db, message, visit.now);
  return {
    status: "redirect",
    location: recoveryDestination({
      shopDomain: message.shop.domain,
      via: { medium: "email", stepPosition: message.position },
      recoveryUrl: message.checkout?.recoveryUrl ?? null,
      lineItems: message.checkout?.lineItems ?? [],
      discountCode: message.discount && isUsable(message.discount, visit.now) ? message.discount.code : null,
    }),
  };
}

async function recordClick(db: PrismaClient, message: LinkedMessage, at: Date): Promise<void> {
  const shop = message.shop.domain;
  await db.$transaction(async (tx) => {
    await recordEngagement(tx, shop, message.stepRunId, "clicked", at);
    await recordActivity(tx, shop, {
      kind: "clicked",
      at,
      checkoutId: message.checkout?.id ?? null,
      enrollmentId: message.enrollmentId,
      stepRunId: message.stepRunId,
    });
  });
  logger.info("Recovery link clicked", { shop, stepRunId: message.stepRunId });
}
