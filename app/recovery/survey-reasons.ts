/** The one-click answers to "why didn't you complete your order?" offered in the last email. */
export const SURVEY_REASONS = ["shipping_cost", "price", "just_browsing", "payment_problem", "other"] as const;
export type SurveyReason = (typeof SURVEY_REASONS)[number];

export function isSurveyReason(value: string): value is SurveyReason {
  return (SURVEY_REASONS as readonly string[]).includes(value);
}
