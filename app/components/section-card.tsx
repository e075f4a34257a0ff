import { BlockStack, type BlockStackProps, Card, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

interface SectionCardProps {
  title: string;
  /** A subdued line under the title saying what the card is for. */
  description?: string;
  gap?: BlockStackProps["gap"];
  children: ReactNode;
}

/** A card with a level-two heading, the shape of every section on Comeback's admin pages. */
export function SectionCard({ title, description, gap = "300", children }: SectionCardProps) {
  return (
    <Card>
      <BlockStack gap={gap}>
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {description && (
          <Text as="p" tone="subdued">
            {description}
          </Text>
        )}
        {children}
      </BlockStack>
    </Card>
  );
}
