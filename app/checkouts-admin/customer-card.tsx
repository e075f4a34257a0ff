import { Badge, BlockStack, DescriptionList, InlineStack, Text } from "@shopify/polaris";
import { SectionCard } from "~/components/section-card";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import type { CheckoutDetail } from "./load-checkout-detail.server";
import { detailMessages } from "./detail-messages";
import { displayName } from "./display-names";
import { formatShopTime } from "./shop-time";

interface Props {
  detail: Pick<CheckoutDetail, "customer" | "consent" | "checkout" | "timezone">;
}

/** Who the shopper is, what they agreed to, and whether Shopify gave a link back to the cart. */
export function CustomerCard({ detail: { customer, consent, checkout, timezone } }: Props) {
  const t = useMessages(detailMessages);
  const locale = useUiLocale();
  const given = (value: string | null) => value ?? t("notGiven");
  const name = [customer.firstName, customer.lastName].filter(Boolean).join(" ") || null;
  const agreed = (yes: boolean) => <Badge tone={yes ? "success" : undefined}>{t(yes ? "agreed" : "notAgreed")}</Badge>;

  return (
    <SectionCard title={t("customerCard")} gap="400">
      {checkout.redactedAt && (
        <Text as="p" tone="subdued">
          {t("redacted", { time: formatShopTime(checkout.redactedAt, timezone, locale) })}
        </Text>
      )}
      <DescriptionList
        gap="tight"
        items={[
          { term: t("name"), description: given(name) },
          { term: t("email"), description: given(customer.email) },
          { term: t("phone"), description: given(customer.phone) },
          { term: t("language"), description: customer.locale ? `${displayName(customer.locale, "language", locale)} (${customer.locale})` : t("notGiven") },
          { term: t("country"), description: customer.countryCode ? displayName(customer.countryCode, "region", locale) : t("notGiven") },
        ]}
      />
      <Text as="h3" variant="headingSm">
        {t("consentCard")}
      </Text>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Text as="span">{t("emailMarketing")}</Text>
          {agreed(consent.emailMarketing)}
        </InlineStack>
        {consent.emailConsentState && (
          <Text as="p" tone="subdued" variant="bodySm">
            {t("shopifyConsentState", { state: consent.emailConsentState })}
          </Text>
        )}
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Text as="span">{t("smsMarketing")}</Text>
          {agreed(consent.sms)}
        </InlineStack>
      </BlockStack>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm">
          {t("recoveryLink")}
        </Text>
        <Text as="p">{t(checkout.hasRecoveryUrl ? "hasRecoveryUrl" : "noRecoveryUrl")}</Text>
      </BlockStack>
    </SectionCard>
  );
}
