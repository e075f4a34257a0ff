import { useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, EmptySearchResult, IndexTable, Link, Text } from "@shopify/polaris";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import { formatMoney } from "~/lib/money";
import type { CheckoutListPage } from "./list-checkouts.server";
import { listMessages } from "./list-messages";
import { writeListQuery, type CheckoutListQuery } from "./list-query";
import { formatShopTime } from "./shop-time";
import { STATUS_TONES, statusMessages } from "./status-messages";
import { kindLabelMessages } from "./timeline-messages";

interface Props extends CheckoutListPage {
  query: CheckoutListQuery;
  loading: boolean;
}

export function CheckoutListTable({ rows, pageInfo, shop, query, loading }: Props) {
  const t = useMessages(listMessages);
  const status = useMessages(statusMessages);
  const kindLabel = useMessages(kindLabelMessages);
  const locale = useUiLocale();
  const [searchParams] = useSearchParams();
  const time = (iso: string) => formatShopTime(iso, shop.timezone, locale);
  const pageUrl = (cursor: Partial<CheckoutListQuery>) => `?${writeListQuery(searchParams, { ...query, after: null, before: null, ...cursor })}`;

  return (
    <IndexTable
      resourceName={{ singular: t("resourceSingular"), plural: t("resourcePlural") }}
      itemCount={rows.length}
      selectable={false}
      loading={loading}
      emptyState={<EmptySearchResult title={t("noResultsTitle")} description={t("noResultsBody")} withIllustration />}
      headings={[
        { title: t("columnCreated") },
        { title: t("columnCustomer") },
        { title: t("columnTotal"), alignment: "end" },
        { title: t("columnStatus") },
        { title: t("columnLastActivity") },
      ]}
      pagination={
        pageInfo.hasNext || pageInfo.hasPrevious
          ? {
              hasNext: pageInfo.hasNext,
              hasPrevious: pageInfo.hasPrevious,
              nextURL: pageInfo.nextCursor ? pageUrl({ after: pageInfo.nextCursor }) : undefined,
              previousURL: pageInfo.previousCursor ? pageUrl({ before: pageInfo.previousCursor }) : undefined,
              accessibilityLabel: t("pagination"),
            }
          : undefined
      }
    >
      {rows.map((row, index) => (
        <IndexTable.Row id={String(row.id)} key={row.id} position={index}>
          <IndexTable.Cell>
            {/* The row's primary link: Polaris makes the whole row open it. */}
            <Link dataPrimaryLink monochrome removeUnderline url={`/app/checkouts/${row.id}`} accessibilityLabel={t("viewCheckout", { id: row.id })}>
              <Text as="span" fontWeight="semibold">
                {time(row.createdAt)}
              </Text>
            </Link>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {row.redacted ? (
              <Text as="span" tone="subdued">
                {t("redacted")}
              </Text>
            ) : (
              <BlockStack gap="050">
                {row.customerName && <Text as="span">{row.customerName}</Text>}
                <Text as="span" tone={row.email ? undefined : "subdued"} variant={row.customerName ? "bodySm" : "bodyMd"}>
                  {row.email ?? t("noEmail")}
                </Text>
              </BlockStack>
            )}
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {formatMoney(row.totalPrice, row.currency, locale)}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Badge tone={STATUS_TONES[row.status]}>{status(row.status)}</Badge>
          </IndexTable.Cell>
          <IndexTable.Cell>
            {row.lastActivity ? (
              <BlockStack gap="050">
                <Text as="span">{kindLabel(row.lastActivity.kind)}</Text>
                <Text as="span" tone="subdued" variant="bodySm">
                  {time(row.lastActivity.at)}
                </Text>
              </BlockStack>
            ) : (
              <Text as="span" tone="subdued">
                {t("noActivity")}
              </Text>
            )}
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
