import type { Db } from "~/db/client.server";
import { logger } from "~/lib/logger.server";
import { findLinkedMessage, type LinkedMessage } from "~/models/step-run-links.server";
import { verifyLinkToken, type LinkPurpose } from "./link-token.server";
import { storefrontUrl } from "./recovery-destination";

/** The shop as a link's pages name it. */
export interface LinkShop {
  name: string;
  storefrontUrl: string;
}

export type OpenedLink =
  | { status: "valid"; message: LinkedMessage; shop: LinkShop }
  | { status: "expired"; shop: LinkShop }
  | { status: "invalid" };

/**
 * Verifies a link token and finds the message it was made for. A genuine token whose message is gone
 * (the shop was deleted with all its data) is as invalid as a forged one.
 */
export async function openLink(db: Db, token: string, purpose: LinkPurpose, now: Date): Promise<OpenedLink> {
  const check = verifyLinkToken(token, purpose, now);
  const message = check.status === "invalid" ? null : await findLinkedMessage(db, check.stepRunId);
  if (check.status === "invalid" || !message) {
    logger.info("Link refused: invalid token or unknown message", { purpose });
    return { status: "invalid" };
  }
  const shop = { name: message.shop.name ?? message.shop.domain, storefrontUrl: storefrontUrl(message.shop.domain) };
  if (check.status === "expired") {
    logger.info("Link refused: expired", { purpose, shop: message.shop.domain, stepRunId: message.stepRunId });
    return { status: "expired", shop };
  }
  return { status: "valid", message, shop };
}
