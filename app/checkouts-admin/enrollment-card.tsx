import { Badge, BlockStack, InlineStack, Link, Text } from "@shopify/polaris";
import { SectionCard } from "~/components/section-card";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import { reasonPhrase, stepLabel } from "./describe-entry";
import { detailMessages } from "./detail-messages";
import type { CheckoutDetail } from "./load-checkout-detail.server";
import { formatShopTime } from "./shop-time";

const STATUS = {
  active: { label: "enrollmentActive", tone: "info" },
  completed: { label: "enrollmentCompleted", tone: "success" },
  stopped: { label: "enrollmentStopped", tone: "warning" },
} as const;

interface Props {
  enrollment: CheckoutDetail["enrollment"];
  timezone: string;
  currency: string;
}

/** The shopper's place in the recovery sequence: its version, state, why it stopped, and what comes next. */
export function EnrollmentCard({ enrollment, timezone, currency }: Props) {
  const t = useMessages(detailMessages);
  const locale = useUiLocale();
  const time = (iso: string) => formatShopTime(iso, timezone, locale);
  const status = enrollment && STATUS[enrollment.status as keyof typeof STATUS];

  return (
    <SectionCard title={t("enrollmentCard")}>
      {!enrollment ? (
        <Text as="p">{t("notEnrolled")}</Text>
      ) : (
        <>
          <InlineStack gap="200" blockAlign="center">
            {status && <Badge tone={status.tone}>{t(status.label)}</Badge>}
            <Text as="span">{t("sequenceVersion", { version: enrollment.sequenceVersion })}</Text>
          </InlineStack>
          {enrollment.endedAt && (
            <Text as="p" tone="subdued">
              {t("endedAt", { time: time(enrollment.endedAt) })}
            </Text>
          )}
          {enrollment.stopReason && <Text as="p">{t("stopReason", { reason: reasonPhrase(enrollment.stopReason, null, { locale, timezone, currency }) })}</Text>}
          {enrollment.holdout && <Text as="p">{t("holdout")}</Text>}
          {enrollment.status === "active" && (
            <Text as="p">
              {enrollment.nextStep
                ? t("nextStep", { step: stepLabel(enrollment.nextStep, locale), time: time(enrollment.nextStep.dueAt) })
                : t("noNextStep")}
            </Text>
          )}
          {enrollment.newerCheckoutId && (
            <BlockStack gap="100">
              <Text as="p">{t("newerCart")}</Text>
              <Link url={`/app/checkouts/${enrollment.newerCheckoutId}`}>{t("viewNewerCart")}</Link>
            </BlockStack>
          )}
          {enrollment.status === "active" && (
            <Text as="p" tone="subdued" variant="bodySm">
              {t("sendNowHelp")}
            </Text>
          )}
        </>
      )}
    </SectionCard>
  );
}
