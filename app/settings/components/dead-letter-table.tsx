import { Button, IndexTable, Link, Text } from "@shopify/polaris";
import { useMessages } from "~/i18n/use-messages";
import { deliveryMessages } from "../delivery-messages";
import type { DeadLetterEntry } from "../delivery-views";
import { destinationPath } from "../settings-paths";
import { useDeliveryLabels } from "./use-delivery-labels";
import { useShopTime } from "./use-shop-time";

export interface DeadLetterTableProps {
  deadLetters: DeadLetterEntry[];
  timezone: string;
  /** The delivery being replayed, if any: every Replay waits for it. */
  replaying: number | null;
  onReplay(deliveryId: number): void;
}

export function DeadLetterTable({ deadLetters, timezone, replaying, onReplay }: DeadLetterTableProps) {
  const t = useMessages(deliveryMessages);
  const labels = useDeliveryLabels();
  const shopTime = useShopTime(timezone);

  return (
    <IndexTable
      resourceName={{ singular: t("deadTitle"), plural: t("deadTitle") }}
      itemCount={deadLetters.length}
      selectable={false}
      emptyState={
        <Text as="p" tone="subdued" alignment="center">
          {t("deadEmpty")}
        </Text>
      }
      headings={[
        { title: t("deadDestination") },
        { title: t("deadEvent") },
        { title: t("deadAttempts"), alignment: "end" },
        { title: t("deadLastError") },
        { title: t("deadAt") },
        { title: "" },
      ]}
    >
      {deadLetters.map((letter, position) => (
        <IndexTable.Row id={String(letter.id)} key={letter.id} position={position}>
          <IndexTable.Cell>
            <Link url={destinationPath(letter.destination.id)} removeUnderline>
              {letter.destination.name}
            </Link>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span">{labels.event(letter.event)}</Text>
            <Text as="p" tone="subdued" variant="bodySm">
              <code>{letter.messageId}</code>
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {letter.attempts}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>{letter.lastError}</IndexTable.Cell>
          <IndexTable.Cell>{letter.deadAt && shopTime(letter.deadAt)}</IndexTable.Cell>
          <IndexTable.Cell>
            <Button
              onClick={() => onReplay(letter.id)}
              loading={replaying === letter.id}
              disabled={replaying !== null && replaying !== letter.id}
              accessibilityLabel={t("replayLabel", { messageId: letter.messageId })}
            >
              {t("replay")}
            </Button>
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
