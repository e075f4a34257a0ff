import { useId } from "react";
import { BlockStack, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { SectionCard } from "~/components/section-card";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import { SURVEY_REASONS, type SurveyReason } from "~/recovery/survey-reasons";
import { surveyAnswerMessages } from "~/survey/survey-answer-messages";
import { ratio } from "./dashboard-summary";
import { dashboardMessages } from "./dashboard-messages";
import { formatCount, formatRate } from "./format-figures";

/** The last email's survey: how many shoppers gave each reason, as a share of all answers. */
export function SurveyCard({ survey }: { survey: Record<SurveyReason, number> }) {
  const t = useMessages(dashboardMessages);
  const reasons = useMessages(surveyAnswerMessages);
  const locale = useUiLocale();
  const labelId = useId();
  const total = SURVEY_REASONS.reduce((sum, reason) => sum + survey[reason], 0);
  return (
    <SectionCard title={t("surveyTitle")} description={t("surveyDescription")}>
      {total === 0 ? (
        <Text as="p" tone="subdued">
          {t("surveyNoAnswers")}
        </Text>
      ) : (
        <BlockStack gap="300" as="ul">
          {SURVEY_REASONS.map((reason) => {
            const share = ratio(survey[reason], total) ?? 0;
            return (
              <BlockStack key={reason} gap="100" as="li">
                <InlineStack align="space-between" gap="200">
                  <Text as="span" id={`${labelId}-${reason}`}>
                    {reasons(reason)}
                  </Text>
                  <Text as="span" numeric>
                    {t("surveyAnswers", { count: formatCount(survey[reason], locale), share: formatRate(share, locale) ?? "" })}
                  </Text>
                </InlineStack>
                <ProgressBar progress={share * 100} size="small" ariaLabelledBy={`${labelId}-${reason}`} />
              </BlockStack>
            );
          })}
        </BlockStack>
      )}
    </SectionCard>
  );
}
