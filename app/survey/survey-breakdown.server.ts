import type { Db } from "~/db/client.server";
import { countSurveyAnswersByReason } from "~/models/survey-answer.server";
import { SURVEY_REASONS, type SurveyReason } from "~/recovery/survey-reasons";

/** Why shoppers did not buy, as answered in [from, to): every reason, in the email's order, with its count. */
export async function surveyBreakdown(db: Db, shop: string, period: { from: Date; to: Date }): Promise<Record<SurveyReason, number>> {
  const counts = await countSurveyAnswersByReason(db, shop, period);
  return Object.fromEntries(SURVEY_REASONS.map((reason) => [reason, counts.get(reason) ?? 0])) as Record<SurveyReason, number>;
}
