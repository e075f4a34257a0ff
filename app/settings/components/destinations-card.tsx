import { Badge, BlockStack, Box, Button, Card, IndexTable, InlineStack, Link, Text } from "@shopify/polaris";
import { useMessages } from "~/i18n/use-messages";
import type { DestinationSummary } from "../destination-summary";
import { DEAD_LETTERS_PATH, destinationPath, NEW_DESTINATION_PATH } from "../settings-paths";
import { shopSettingsMessages } from "../shop-settings-messages";
import { useDeliveryLabels } from "./use-delivery-labels";
import { useShopTime } from "./use-shop-time";

export interface DestinationsCardProps {
  destinations: DestinationSummary[];
  deadLetterCount: number;
  timezone: string;
}

/** The shop's webhook destinations, each linking to its edit page, and the way to the failed deliveries. */
export function DestinationsCard({ destinations, deadLetterCount, timezone }: DestinationsCardProps) {
  const t = useMessages(shopSettingsMessages);
  const labels = useDeliveryLabels();
  const shopTime = useShopTime(timezone);

  return (
    <Card padding="0">
      <BlockStack gap="0">
        <Box padding="400">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {t("destinationsTitle")}
            </Text>
            <Button url={NEW_DESTINATION_PATH}>{t("addDestination")}</Button>
          </InlineStack>
        </Box>
        {destinations.length === 0 ? (
          <Box paddingInline="400" paddingBlockEnd="400">
            <Text as="p" tone="subdued">
              {t("noDestinations")}
            </Text>
          </Box>
        ) : (
          <IndexTable
            resourceName={{ singular: t("destinationName"), plural: t("destinationsTitle") }}
            itemCount={destinations.length}
            selectable={false}
            headings={[{ title: t("destinationName") }, { title: t("destinationEndpoint") }, { title: t("destinationEvents") }, { title: t("destinationStatus") }]}
          >
            {destinations.map((destination, position) => (
              <IndexTable.Row id={String(destination.id)} key={destination.id} position={position}>
                <IndexTable.Cell>
                  <Link url={destinationPath(destination.id)} removeUnderline>
                    {destination.name}
                  </Link>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <code>{destination.host}</code>
                </IndexTable.Cell>
                <IndexTable.Cell>{destination.events.length ? destination.events.map(labels.event).join(", ") : t("stepsOnly")}</IndexTable.Cell>
                <IndexTable.Cell>
                  <InlineStack gap="100">
                    <Badge tone={destination.enabled ? "success" : undefined}>{destination.enabled ? t("enabled") : t("disabled")}</Badge>
                    {destination.pausedUntil && <Badge tone="warning">{t("pausedUntil", { time: shopTime(destination.pausedUntil) })}</Badge>}
                  </InlineStack>
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        )}
        <Box padding="400" borderBlockStartWidth="025" borderColor="border-secondary">
          <Link url={DEAD_LETTERS_PATH}>{t("deadLetters", { count: deadLetterCount })}</Link>
        </Box>
      </BlockStack>
    </Card>
  );
}
