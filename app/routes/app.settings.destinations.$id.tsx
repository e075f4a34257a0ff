import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Badge, Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { useEffect } from "react";
import { db } from "~/db/client.server";
import { useMessages } from "~/i18n/use-messages";
import { fieldErrorsResponse } from "~/lib/field-errors.server";
import { updateDestination } from "~/outbound/destinations.server";
import { DeliveryLogCard } from "~/settings/components/delivery-log-card";
import { DestinationEditor } from "~/settings/components/destination-editor";
import { SettingsErrorBoundary } from "~/settings/components/settings-error-boundary";
import { SigningSecretCard } from "~/settings/components/signing-secret-card";
import { TestSendCard } from "~/settings/components/test-send-card";
import { useShopTime } from "~/settings/components/use-shop-time";
import { destinationFormSchema } from "~/settings/destination-form";
import { destinationMessages } from "~/settings/destination-messages";
import { loadDestinationPage } from "~/settings/destination-page.server";
import { idParam, notFound, readJsonBody } from "~/settings/http.server";
import { SETTINGS_PATH } from "~/settings/settings-paths";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return (await loadDestinationPage(db, session.shop, idParam(params.id), new Date())) ?? notFound();
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const saved = (await updateDestination(db, session.shop, idParam(params.id), await readJsonBody(request, destinationFormSchema))) ?? notFound();
  return "fieldErrors" in saved ? fieldErrorsResponse(saved.fieldErrors) : { ok: true as const };
};

export default function EditDestination() {
  const { destination, deliveries, checkouts, timezone } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const shopify = useAppBridge();
  const shopTime = useShopTime(timezone);
  const t = useMessages(destinationMessages);

  const savedMessage = t("saved");
  useEffect(() => {
    if (answer?.ok) shopify.toast.show(savedMessage);
  }, [answer, shopify, savedMessage]);

  return (
    <Page
      backAction={{ content: t("back"), url: SETTINGS_PATH }}
      title={destination.form.name}
      titleMetadata={<Badge tone={destination.form.enabled ? "success" : undefined}>{destination.form.enabled ? t("enabledBadge") : t("disabledBadge")}</Badge>}
    >
      <Layout>
        {destination.pausedUntil && (
          <Layout.Section>
            <Banner tone="warning">{t("pausedBanner", { time: shopTime(destination.pausedUntil), count: destination.consecutiveFailures })}</Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <DestinationEditor
              // A save that lands starts the form afresh from what was stored, secrets masked again; rotating
              // the signing secret changes nothing here, so edits in progress survive it.
              key={JSON.stringify(destination.form)}
              initial={destination.form}
              fieldErrors={answer && !answer.ok ? answer.fieldErrors : {}}
              saving={navigation.state === "submitting"}
              onSave={(values) => submit(values, { method: "post", encType: "application/json" })}
            />
            <DeliveryLogCard deliveries={deliveries} timezone={timezone} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <SigningSecretCard destinationId={destination.id} hint={destination.signingSecretHint} />
            <TestSendCard destinationId={destination.id} checkouts={checkouts} timezone={timezone} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <SettingsErrorBoundary />;
}
