import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, Layout, Page, Text } from "@shopify/polaris";
import { db } from "~/db/client.server";
import { countCheckoutsByStatus } from "~/models/checkout.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { counts: await countCheckoutsByStatus(db, session.shop) };
};

const LABELS = { open: "Open", abandoned: "Abandoned", recovered: "Recovered", completed: "Completed" } as const;

export default function Overview() {
  const { counts } = useLoaderData<typeof loader>();
  return (
    <Page title="Comeback">
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="400">
              <Text as="h2" variant="headingMd">
                Checkouts received from Shopify
              </Text>
              <InlineGrid columns={4} gap="400">
                {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((status) => (
                  <BlockStack key={status} gap="100">
                    <Text as="p" tone="subdued">
                      {LABELS[status]}
                    </Text>
                    <Text as="p" variant="headingLg">
                      {counts[status]}
                    </Text>
                  </BlockStack>
                ))}
              </InlineGrid>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
