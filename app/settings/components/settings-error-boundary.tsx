import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { Banner, Page } from "@shopify/polaris";
import { boundary } from "@shopify/shopify-app-remix/server";
import { commonMessages } from "~/i18n/common-messages";
import { useMessages } from "~/i18n/use-messages";

/**
 * The settings pages' error boundary: "not found" for an id that is not the shop's (or no longer
 * exists), a plain apology for a crash, and Shopify's own boundary for its authentication responses.
 */
export function SettingsErrorBoundary() {
  const error = useRouteError();
  const t = useMessages(commonMessages);
  if (isRouteErrorResponse(error) && error.status !== 404) return boundary.error(error);
  const notFound = isRouteErrorResponse(error);
  return (
    <Page backAction={{ content: t("navSettings"), url: "/app/settings" }} title={t("navSettings")}>
      <Banner tone={notFound ? "warning" : "critical"} title={notFound ? t("notFoundTitle") : t("errorTitle")}>
        <p>{notFound ? t("notFoundBody") : t("errorBody")}</p>
      </Banner>
    </Page>
  );
}
