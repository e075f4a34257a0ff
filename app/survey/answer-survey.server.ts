import type { PrismaClient } from "@prisma/client";
import { logger } from "~/lib/logger.server";
import { openLink, type LinkShop } from "~/links/open-link.server";
import { recordActivity } from "~/models/activity.server";
import type { LinkedMessage } from "~/models/step-run-links.server";
import { saveSurveyAnswer } from "~/models/survey-answer.server";
import { isSurveyReason, type SurveyReason } from "~/recovery/survey-reasons";
import { cleanComment } from "./survey-comment";

export type SurveyOutcome =
  | { status: "answered"; shop: LinkShop; reason: SurveyReason }
  | { status: "commented"; shop: LinkShop }
  | { status: "unknown_reason" | "expired"; shop: LinkShop }
  | { status: "invalid" };

export interface SurveyVisit {
  now: Date;
  /** False for requests that only look at the link, such as the HEAD requests of link scanners. */
  isAnswer: boolean;
}

/**
 * Records a one-click answer from the last email's survey. Answering again replaces the reason; a
 * change to anything but "other" drops a comment written for "other".
 */
export async function answerSurvey(db: PrismaClient, token: string, reason: string, visit: SurveyVisit): Promise<SurveyOutcome> {
  const link = await openLink(db, token, "survey", visit.now);
  if (link.status !== "valid") return link;
  if (!isSurveyReason(reason)) return { status: "unknown_reason", shop: link.shop };
  if (visit.isAnswer) await recordAnswer(db, link.message, { reason, comment: reason === "other" ? undefined : null }, visit.now);
  return { status: "answered", shop: link.shop, reason };
}

/** Stores what the shopper wrote under "other", making "other" their answer if it was not yet. */
export async function commentOnSurvey(db: PrismaClient, token: string, comment: string, now: Date): Promise<SurveyOutcome> {
  const link = await openLink(db, token, "survey", now);
  if (link.status !== "valid") return link;
  await recordAnswer(db, link.message, { reason: "other", comment: cleanComment(comment) }, now);
  return { status: "commented", shop: link.shop };
}

async function recordAnswer(db: PrismaClient, message: LinkedMessage, answer: { reason: SurveyReason; comment: string | null | undefined }, at: Date): Promise<void> {
  const shop = message.shop.domain;
  const checkoutId = message.checkout?.id;
  // An uninstalled shop keeps no new data, and an answer belongs to the cart the message showed.
  if (message.shop.status !== "installed" || !checkoutId) return;
  await db.$transaction(async (tx) => {
    const { previousReason } = await saveSurveyAnswer(tx, shop, { stepRunId: message.stepRunId, checkoutId, ...answer, answeredAt: at });
    if (previousReason === answer.reason) return;
    await recordActivity(tx, shop, {
      kind: "survey_answered",
      reason: answer.reason,
      at,
      checkoutId,
      enrollmentId: message.enrollmentId,
      stepRunId: message.stepRunId,
      ...(previousReason && { detail: { previousReason } }),
    });
  });
  logger.info("Survey answered", { shop, stepRunId: message.stepRunId, reason: answer.reason });
}
