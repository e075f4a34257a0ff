import { useId } from "react";
import { BlockStack, Card, Text } from "@shopify/polaris";

/** One headline figure; its label names the region, so it reads as "Open rate: 42%". */
export function StatCard({ label, value, caption }: { label: string; value: string; caption?: string }) {
  const headingId = useId();
  return (
    // A grid stretches the card to its row's height, so cards side by side line up.
    <section aria-labelledby={headingId} style={{ display: "grid" }}>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" id={headingId} variant="headingSm" tone="subdued">
            {label}
          </Text>
          <Text as="p" variant="headingXl">
            {value}
          </Text>
          {caption && (
            <Text as="p" variant="bodySm" tone="subdued">
              {caption}
            </Text>
          )}
        </BlockStack>
      </Card>
    </section>
  );
}
