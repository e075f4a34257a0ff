import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { EmptyState, Page } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { commonMessages } from "~/i18n/common-messages";
import { useMessages } from "~/i18n/use-messages";

/** A template page's 404 (unknown, or another shop's: the same answer) as a page of the admin; anything else as Shopify's boundary handles it. */
export function NotFoundBoundary() {
  const error = useRouteError();
  const t = useMessages(commonMessages);
  if (!isRouteErrorResponse(error) || error.status !== 404) return boundary.error(error);
  return (
    <Page backAction={{ content: t("navTemplates"), url: "/app/templates" }} title={t("notFoundTitle")}>
      <EmptyState heading={t("notFoundTitle")} image="">
        <p>{t("notFoundBody")}</p>
      </EmptyState>
    </Page>
  );
}
