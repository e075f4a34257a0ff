import { BlockStack, Button, Card, Page, Text } from "@shopify/polaris";
import { commonMessages } from "~/i18n/common-messages";
import { useMessages } from "~/i18n/use-messages";
import { detailMessages } from "./detail-messages";

/** Another shop's checkout looks exactly like one that never existed. */
export function CheckoutNotFound() {
  const common = useMessages(commonMessages);
  const t = useMessages(detailMessages);
  return (
    <Page backAction={{ content: t("back"), url: "/app/checkouts" }} title={common("notFoundTitle")}>
      <Card>
        <BlockStack gap="300" inlineAlign="start">
          <Text as="p">{common("notFoundBody")}</Text>
          <Button url="/app/checkouts">{t("back")}</Button>
        </BlockStack>
      </Card>
    </Page>
  );
}
