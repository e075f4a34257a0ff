import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useNavigate, useNavigation, useSubmit } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Layout, Page } from "@shopify/polaris";
import { useEffect } from "react";
import { db } from "~/db/client.server";
import { useMessages } from "~/i18n/use-messages";
import { fieldErrorsResponse } from "~/lib/field-errors.server";
import { createDestination } from "~/outbound/destinations.server";
import { DestinationEditor } from "~/settings/components/destination-editor";
import { SettingsErrorBoundary } from "~/settings/components/settings-error-boundary";
import { destinationFormSchema, newDestinationForm } from "~/settings/destination-form";
import { destinationMessages } from "~/settings/destination-messages";
import { readJsonBody } from "~/settings/http.server";
import { destinationPath, SETTINGS_PATH } from "~/settings/settings-paths";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return null;
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const saved = await createDestination(db, session.shop, await readJsonBody(request, destinationFormSchema));
  return "fieldErrors" in saved ? fieldErrorsResponse(saved.fieldErrors) : { ok: true as const, destinationId: saved.destination.id };
};

export default function NewDestination() {
  const answer = useActionData<typeof action>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const shopify = useAppBridge();
  const t = useMessages(destinationMessages);

  const createdMessage = t("created");
  useEffect(() => {
    if (!answer?.ok) return;
    shopify.toast.show(createdMessage);
    navigate(destinationPath(answer.destinationId), { replace: true });
  }, [answer, shopify, createdMessage, navigate]);

  return (
    <Page backAction={{ content: t("back"), url: SETTINGS_PATH }} title={t("newTitle")}>
      <Layout>
        <Layout.Section>
          <DestinationEditor
            initial={newDestinationForm()}
            fieldErrors={answer && !answer.ok ? answer.fieldErrors : {}}
            saving={navigation.state === "submitting"}
            onSave={(values) => submit(values, { method: "post", encType: "application/json" })}
          />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export function ErrorBoundary() {
  return <SettingsErrorBoundary />;
}
