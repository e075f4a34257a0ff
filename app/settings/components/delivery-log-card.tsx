import { Badge, BlockStack, Box, DataTable, Divider, InlineStack, Text } from "@shopify/polaris";
import { Fragment } from "react";
import { SectionCard } from "~/components/section-card";
import { useMessages } from "~/i18n/use-messages";
import { deliveryMessages } from "../delivery-messages";
import type { DeliveryLogEntry } from "../delivery-views";
import { statusTone, useDeliveryLabels } from "./use-delivery-labels";
import { useShopTime } from "./use-shop-time";

/** A destination's recent deliveries, tests included, each with the attempts it took. */
export function DeliveryLogCard({ deliveries, timezone }: { deliveries: DeliveryLogEntry[]; timezone: string }) {
  const t = useMessages(deliveryMessages);
  const shopTime = useShopTime(timezone);
  const labels = useDeliveryLabels();

  return (
    <SectionCard title={t("logTitle")} gap="400">
      {deliveries.length === 0 && (
        <Text as="p" tone="subdued">
          {t("logEmpty")}
        </Text>
      )}
      {deliveries.map((delivery, index) => (
        <Fragment key={delivery.id}>
          {index > 0 && <Divider />}
          <section aria-label={delivery.messageId}>
            <BlockStack gap="200">
              <InlineStack gap="200" blockAlign="center">
                <Badge tone={statusTone(delivery.status)}>{labels.status(delivery.status)}</Badge>
                <Text as="span" fontWeight="semibold">
                  {labels.event(delivery.event)}
                </Text>
                <Text as="span" tone="subdued">
                  {shopTime(delivery.createdAt)}
                </Text>
                <Text as="span" tone="subdued">
                  <code>{delivery.messageId}</code>
                </Text>
              </InlineStack>
              {delivery.nextAttemptAt && (
                <Text as="p" tone="subdued">
                  {t("nextAttempt", { time: shopTime(delivery.nextAttemptAt) })}
                </Text>
              )}
              {delivery.attempts.length === 0 ? (
                <Text as="p" tone="subdued">
                  {t("noAttempts")}
                </Text>
              ) : (
                <Box>
                  <DataTable
                    columnContentTypes={["text", "numeric", "numeric", "text"]}
                    headings={[t("attemptTime"), t("attemptStatusCode"), t("attemptLatency"), t("attemptError")]}
                    rows={delivery.attempts.map((attempt) => [
                      shopTime(attempt.attemptedAt),
                      attempt.statusCode ?? t("noStatusCode"),
                      t("latencyValue", { ms: attempt.latencyMs }),
                      attempt.error ?? "",
                    ])}
                  />
                </Box>
              )}
            </BlockStack>
          </section>
        </Fragment>
      ))}
    </SectionCard>
  );
}
