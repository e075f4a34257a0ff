import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { db } from "~/db/client.server";
import { useMessages } from "~/i18n/use-messages";
import { fieldErrorsResponse } from "~/lib/field-errors.server";
import { DestinationsCard } from "~/settings/components/destinations-card";
import { SettingsErrorBoundary } from "~/settings/components/settings-error-boundary";
import { ShopSettingsForm } from "~/settings/components/shop-settings-form";
import { notFound, readJsonBody } from "~/settings/http.server";
import { loadSettingsPage } from "~/settings/settings-page.server";
import { saveShopSettings } from "~/settings/shop-settings.server";
import { shopSettingsMessages } from "~/settings/shop-settings-messages";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return (await loadSettingsPage(db, session.shop, new Date())) ?? notFound();
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const saved = (await saveShopSettings(db, session.shop, await readJsonBody(request, z.unknown()))) ?? notFound();
  return saved.ok ? saved : fieldErrorsResponse(saved.fieldErrors);
};

export default function Settings() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const shopify = useAppBridge();
  const t = useMessages(shopSettingsMessages);

  const savedMessage = t("saved");
  useEffect(() => {
    if (answer?.ok) shopify.toast.show(savedMessage);
  }, [answer, shopify, savedMessage]);

  return (
    <Page title={t("title")}>
      <BlockStack gap="500">
        <ShopSettingsForm
          // A save that lands starts the form afresh from what was stored, closing the save bar.
          key={page.revision}
          initial={page.settings}
          timezone={page.timezone}
          currency={page.currency}
          fieldErrors={answer && !answer.ok ? answer.fieldErrors : {}}
          saving={navigation.state === "submitting"}
          onSave={(values) => submit(values, { method: "post", encType: "application/json" })}
        />
        <Layout>
          <Layout.AnnotatedSection id="destinations" title={t("destinationsTitle")} description={t("destinationsDescription")}>
            <DestinationsCard destinations={page.destinations} deadLetterCount={page.deadLetterCount} timezone={page.timezone} />
          </Layout.AnnotatedSection>
        </Layout>
      </BlockStack>
    </Page>
  );
}

export function ErrorBoundary() {
  return <SettingsErrorBoundary />;
}
