import { useNavigation } from "@remix-run/react";
import { Card, EmptyState, Layout, Page } from "@shopify/polaris";
import { useMessages } from "~/i18n/use-messages";
import { CheckoutListFilters } from "./checkout-list-filters";
import { CheckoutListTable } from "./checkout-list-table";
import type { CheckoutListPage as ListData } from "./list-checkouts.server";
import { listMessages } from "./list-messages";
import { isFiltered, readListQuery, type CheckoutListQuery } from "./list-query";

const EMPTY_STATE_IMAGE = "https://cdn.shopify.com/s/files/1/0262/4071/2726/files/emptystate-files.png";

export function CheckoutListPage(props: ListData & { query: CheckoutListQuery }) {
  const t = useMessages(listMessages);
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/app/checkouts";
  // While the next page of results loads, the filters already show what the merchant chose.
  const shownQuery = loading ? readListQuery(new URLSearchParams(navigation.location.search)) : props.query;
  const neverHadOne = props.rows.length === 0 && !isFiltered(props.query);

  return (
    <Page title={t("title")} subtitle={t("timesNote", { timezone: props.shop.timezone })} fullWidth>
      <Layout>
        <Layout.Section>
          {neverHadOne ? (
            <Card>
              <EmptyState heading={t("emptyTitle")} image={EMPTY_STATE_IMAGE}>
                <p>{t("emptyBody")}</p>
              </EmptyState>
            </Card>
          ) : (
            <Card padding="0">
              <CheckoutListFilters query={shownQuery} currency={props.shop.currency} loading={loading} />
              <CheckoutListTable {...props} loading={loading} />
            </Card>
          )}
        </Layout.Section>
      </Layout>
    </Page>
  );
}
