import { config } from "~/config.server";
import { SURVEY_REASONS, type SurveyReason } from "~/recovery/survey-reasons";
import { signLinkToken } from "./link-token.server";

export interface MessageLinks {
  recoveryUrl: string;
  unsubscribeUrl: string;
  /** One-click answers to the last email's survey, one URL per reason. */
  survey: Record<SurveyReason, string>;
}

/** The signed links one message carries; lifetimes count from `now`, the moment it is rendered. */
export function messageLinks(stepRunId: number, now: Date): MessageLinks {
  const surveyToken = signLinkToken("survey", stepRunId, now);
  return {
    recoveryUrl: `${config.appUrl}/r/${signLinkToken("recover", stepRunId, now)}`,
    unsubscribeUrl: `${config.appUrl}/u/${signLinkToken("unsubscribe", stepRunId, now)}`,
    survey: Object.fromEntries(SURVEY_REASONS.map((reason) => [reason, `${config.appUrl}/s/${surveyToken}?reason=${reason}`])) as Record<SurveyReason, string>,
  };
}
