import { Badge, BlockStack, Box, Card, InlineStack, Text } from "@shopify/polaris";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import { describeEntry } from "./describe-entry";
import { detailMessages } from "./detail-messages";
import { formatShopTime } from "./shop-time";
import type { TimelineEntry } from "./timeline";

const LIST_RESET = { listStyle: "none", margin: 0, padding: 0 } as const;

export function TimelineCard({ entries, timezone, currency }: { entries: TimelineEntry[]; timezone: string; currency: string }) {
  const t = useMessages(detailMessages);
  const locale = useUiLocale();
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t("timelineCard")}
          </Text>
          <Text as="p" tone="subdued">
            {t("timelineHelp", { timezone })}
          </Text>
        </BlockStack>
        {entries.length === 0 ? (
          <Text as="p">{t("emptyTimeline")}</Text>
        ) : (
          <ol aria-label={t("timelineCard")} style={LIST_RESET}>
            {entries.map((entry) => {
              const wording = describeEntry(entry, { locale, timezone, currency });
              return (
                <li key={entry.key} data-kind={entry.kind}>
                  <Box paddingBlock="300" borderBlockStartWidth="025" borderColor="border-secondary">
                    <InlineStack gap="400" wrap={false} blockAlign="start">
                      <Box minWidth="11rem">
                        <Text as="span" tone="subdued" variant="bodySm">
                          <time dateTime={entry.at}>{formatShopTime(entry.at, timezone, locale)}</time>
                        </Text>
                      </Box>
                      <BlockStack gap="100">
                        <InlineStack gap="200" blockAlign="center">
                          <Badge tone={wording.tone}>{wording.label}</Badge>
                          <Text as="span" fontWeight="semibold">
                            {wording.title}
                          </Text>
                        </InlineStack>
                        {wording.lines.map((line) => (
                          <Text as="p" key={line} tone="subdued" breakWord>
                            {line}
                          </Text>
                        ))}
                      </BlockStack>
                    </InlineStack>
                  </Box>
                </li>
              );
            })}
          </ol>
        )}
      </BlockStack>
    </Card>
  );
}
