import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError, type ShouldRevalidateFunction } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { config } from "~/config.server";
import { commonMessages } from "~/i18n/common-messages";
import { POLARIS_TRANSLATIONS } from "~/i18n/polaris-translations";
import { uiLocaleFrom } from "~/i18n/ui-locale";
import { UiLocaleProvider, useMessages } from "~/i18n/use-messages";
import { authenticate } from "~/shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return { apiKey: config.shopifyApiKey, locale: uiLocaleFrom(request) };
};

// The admin names its language only on the document load (?locale=…): keep what it said while the
// merchant moves between pages. Every page's own loader still authenticates its request.
export const shouldRevalidate: ShouldRevalidateFunction = () => false;

export default function EmbeddedApp() {
  const { apiKey, locale } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} i18n={POLARIS_TRANSLATIONS[locale]}>
      <UiLocaleProvider locale={locale}>
        <Navigation />
        <Outlet />
      </UiLocaleProvider>
    </AppProvider>
  );
}

function Navigation() {
  const t = useMessages(commonMessages);
  return (
    <NavMenu>
      <Link to="/app" rel="home">
        {t("navDashboard")}
      </Link>
      <Link to="/app/checkouts">{t("navCheckouts")}</Link>
      <Link to="/app/sequence">{t("navSequence")}</Link>
      <Link to="/app/templates">{t("navTemplates")}</Link>
      <Link to="/app/settings">{t("navSettings")}</Link>
    </NavMenu>
  );
}

// Shopify's boundary keeps App Bridge's auth redirects and headers working inside the admin iframe.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
