import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { EmptyState, Page } from "@shopify/polaris";
import { useEffect } from "react";
import { db } from "~/db/client.server";
import { commonMessages } from "~/i18n/common-messages";
import { translate } from "~/i18n/messages";
import { uiLocaleFrom } from "~/i18n/ui-locale";
import { useMessages, useUiLocale } from "~/i18n/use-messages";
import { fieldErrorsResponse } from "~/lib/field-errors.server";
import { SequenceEditor } from "~/sequence-editor/sequence-editor";
import { sequenceEditInput } from "~/sequence-editor/sequence-edit-input";
import { sequenceEditorMessages } from "~/sequence-editor/sequence-editor-messages";
import { loadSequenceEditor, publishSequenceEdit } from "~/sequence-editor/sequence-editor.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { editor: await loadSequenceEditor(db, session.shop) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const edit = sequenceEditInput.safeParse(await request.json().catch(() => null));
  if (!edit.success) throw new Response("Malformed sequence edit", { status: 400 });
  const outcome = await publishSequenceEdit(db, session.shop, edit.data, uiLocaleFrom(request));
  if (!outcome) throw new Response("No such sequence", { status: 404 });
  if ("fieldErrors" in outcome) return fieldErrorsResponse(outcome.fieldErrors);
  return { ok: true as const, versionNumber: outcome.versionNumber };
};

export default function SequencePage() {
  const { editor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const locale = useUiLocale();
  const common = useMessages(commonMessages);
  const t = useMessages(sequenceEditorMessages);
  const shopify = useAppBridge();

  useEffect(() => {
    if (result?.ok) shopify.toast.show(translate(sequenceEditorMessages[locale].published, { number: result.versionNumber }));
  }, [result, locale, shopify]);

  if (!editor) {
    return (
      <Page title={common("navSequence")}>
        <EmptyState heading={t("noSequenceTitle")} image="">
          <p>{t("noSequenceBody")}</p>
        </EmptyState>
      </Page>
    );
  }
  return (
    // A new version remounts the form with what was published.
    <SequenceEditor
      key={editor.versionNumber}
      editor={editor}
      fieldErrors={result && !result.ok ? result.fieldErrors : {}}
      saving={navigation.state === "submitting"}
      // The layout knows the admin's language only from the first page load; server messages need it too.
      onSave={(edit) => submit(edit, { method: "post", encType: "application/json", action: `/app/sequence?locale=${locale}` })}
    />
  );
}
