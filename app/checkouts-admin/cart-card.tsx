import { BlockStack, DataTable, InlineStack, Text } from "@shopify/polaris";
import { SectionCard } from "~/components/section-card";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import { formatMoney } from "~/lib/money";
import type { CheckoutDetail } from "./load-checkout-detail.server";
import { detailMessages } from "./detail-messages";

export function CartCard({ checkout }: { checkout: CheckoutDetail["checkout"] }) {
  const t = useMessages(detailMessages);
  const locale = useUiLocale();
  const money = (amount: string) => formatMoney(amount, checkout.currency, locale);
  const totals: [string, string | null][] = [
    [t("subtotal"), checkout.subtotalPrice],
    [t("discounts"), checkout.totalDiscounts],
    [t("tax"), checkout.totalTax],
  ];

  return (
    <SectionCard title={t("cartCard")} gap="400">
      {checkout.lines.length === 0 ? (
        <Text as="p">{t("emptyCart")}</Text>
      ) : (
        <DataTable
          columnContentTypes={["text", "numeric", "numeric", "numeric"]}
          headings={[t("product"), t("quantity"), t("price"), t("lineTotal")]}
          rows={checkout.lines.map((line) => [
            <BlockStack key="product" gap="050">
              <Text as="span">{line.title}</Text>
              {line.variantTitle && (
                <Text as="span" tone="subdued" variant="bodySm">
                  {line.variantTitle}
                </Text>
              )}
            </BlockStack>,
            line.quantity,
            money(line.price),
            money(line.lineTotal),
          ])}
        />
      )}
      <BlockStack gap="100">
        {totals.map(
          ([label, amount]) =>
            amount && (
              <InlineStack key={label} align="space-between">
                <Text as="span" tone="subdued">
                  {label}
                </Text>
                <Text as="span" numeric>
                  {money(amount)}
                </Text>
              </InlineStack>
            ),
        )}
        <InlineStack align="space-between">
          <Text as="span" fontWeight="semibold">
            {t("total")}
          </Text>
          <Text as="span" fontWeight="semibold" numeric>
            {money(checkout.totalPrice)}
          </Text>
        </InlineStack>
      </BlockStack>
    </SectionCard>
  );
}
