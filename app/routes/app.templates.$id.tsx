import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSubmit, type ShouldRevalidateFunction } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useState } from "react";
import { db } from "~/db/client.server";
import { translate } from "~/i18n/messages";
import { uiLocaleFrom } from "~/i18n/ui-locale";
import { useUiLocale } from "~/i18n/use-messages";
import { fieldErrorsResponse } from "~/lib/field-errors.server";
import { sequencerServices } from "~/services.server";
import { NotFoundBoundary } from "~/template-editor/not-found-boundary";
import { TemplateEditor } from "~/template-editor/template-editor";
import { templateEditorMessages } from "~/template-editor/template-editor-messages";
import { loadTemplateEditor, saveTemplate } from "~/template-editor/template-editor.server";
import { orderedLocales } from "~/template-editor/template-form";
import { templateActionInput, templateIdParam } from "~/template-editor/template-input";
import { sendTestEmail } from "~/template-editor/test-send.server";
import { authenticate } from "~/shopify.server";

const notFound = () => new Response("No such template", { status: 404 });

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const templateId = templateIdParam.safeParse(params.id);
  const editor = templateId.success ? await loadTemplateEditor(db, session.shop, templateId.data) : null;
  if (!editor) throw notFound();
  return editor;
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const templateId = templateIdParam.safeParse(params.id);
  if (!templateId.success) throw notFound();
  const input = templateActionInput.safeParse(await request.json().catch(() => null));
  if (!input.success) throw new Response("Malformed template request", { status: 400 });
  const locale = uiLocaleFrom(request);

  if (input.data.intent === "save") {
    const outcome = await saveTemplate(db, session.shop, templateId.data, input.data.template, locale);
    if (!outcome) throw notFound();
    if ("fieldErrors" in outcome) return fieldErrorsResponse(outcome.fieldErrors);
    return { intent: "save" as const, ok: true as const, template: outcome.saved };
  }

  const outcome = await sendTestEmail(sequencerServices, session.shop, templateId.data, input.data, locale);
  if (!outcome) throw notFound();
  if (outcome.status === "invalid") return fieldErrorsResponse(outcome.fieldErrors);
  if (outcome.status === "failed") return data({ intent: "sendTest" as const, ok: false as const, error: outcome.error }, { status: 502 });
  return { intent: "sendTest" as const, ok: true as const, to: outcome.to };
};

// The page's submissions need no reload: previews and test sends change nothing it shows, and a save
// answers with the stored template. Reloading would also race a preview finishing mid-save, whose own
// revalidation Remix lets replace the save's.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) => (formMethod ? false : defaultShouldRevalidate);

export default function TemplatePage() {
  const editor = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const uiLocale = useUiLocale();
  const shopify = useAppBridge();
  const [selectedLocale, setSelectedLocale] = useState(() => orderedLocales(editor.template.contents)[0]!);
  const [checkoutId, setCheckoutId] = useState("");

  const saved = result && "intent" in result && result.intent === "save" ? result.template : null;
  useEffect(() => {
    if (saved) shopify.toast.show(translate(templateEditorMessages[uiLocale].saved));
  }, [saved, uiLocale, shopify]);

  const template = saved ?? editor.template;
  return (
    <TemplateEditor
      // Remounting after a save starts the form from the template as stored.
      key={template.updatedAt}
      data={{ ...editor, template }}
      fieldErrors={result && "fieldErrors" in result ? result.fieldErrors : {}}
      saving={navigation.state === "submitting"}
      // The admin's language travels with the request: server messages are in it too.
      onSave={(template) => submit({ intent: "save", template }, { method: "post", encType: "application/json", action: `/app/templates/${editor.template.id}?locale=${uiLocale}` })}
      selectedLocale={selectedLocale}
      onSelectLocale={setSelectedLocale}
      checkoutId={checkoutId}
      onCheckoutChange={setCheckoutId}
    />
  );
}

export const ErrorBoundary = NotFoundBoundary;
