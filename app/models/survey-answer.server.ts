import type { Db } from "~/db/client.server";
import type { SurveyReason } from "~/recovery/survey-reasons";

export interface SurveyAnswerRecord {
  stepRunId: number;
  checkoutId: number;
  reason: SurveyReason;
  /** Undefined keeps the stored comment; null erases it. */
  comment?: string | null;
  answeredAt: Date;
}

/** Stores the answer to one message's survey, replacing an earlier one; returns the reason it replaced. */
export async function saveSurveyAnswer(db: Db, shop: string, answer: SurveyAnswerRecord): Promise<{ previousReason: string | null }> {
  const previous = await db.surveyAnswer.findFirst({ where: { shop, stepRunId: answer.stepRunId }, select: { reason: true } });
  const { reason, comment, answeredAt } = answer;
  await db.surveyAnswer.upsert({
    where: { stepRunId: answer.stepRunId, shop },
    create: { shop, ...answer },
    update: { reason, comment, answeredAt },
  });
  return { previousReason: previous?.reason ?? null };
}

/** Answers given in [from, to), counted per stored reason. */
export async function countSurveyAnswersByReason(db: Db, shop: string, { from, to }: { from: Date; to: Date }): Promise<Map<string, number>> {
  const groups = await db.surveyAnswer.groupBy({ by: ["reason"], where: { shop, answeredAt: { gte: from, lt: to } }, _count: { _all: true } });
  return new Map(groups.map((group) => [group.reason, group._count._all]));
}

/** Erases the free text of the checkouts' answers, which may name or describe the shopper; the reasons stay for the statistics. */
export async function eraseSurveyComments(db: Db, shop: string, checkoutIds: number[]): Promise<number> {
  const { count } = await db.surveyAnswer.updateMany({ where: { shop, checkoutId: { in: checkoutIds }, comment: { not: null } }, data: { comment: null } });
  return count;
}
