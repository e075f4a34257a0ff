import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { z } from "zod";
import { db } from "~/db/client.server";
import { uiLocaleFrom } from "~/i18n/ui-locale";
import { useUiLocale } from "~/i18n/use-messages";
import { authenticate } from "~/shopify.server";
import { TemplateList } from "~/template-editor/template-list";
import { createStarterTemplate, duplicateTemplate, loadTemplateList } from "~/template-editor/template-list.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return loadTemplateList(db, session.shop);
};

const listAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create") }),
  z.object({ intent: z.literal("duplicate"), templateId: z.number().int().positive() }),
]);

// Both open the new template's editor.
export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, redirect } = await authenticate.admin(request);
  const input = listAction.safeParse(await request.json().catch(() => null));
  if (!input.success) throw new Response("Malformed template request", { status: 400 });
  const locale = uiLocaleFrom(request);
  const created =
    input.data.intent === "create" ? await createStarterTemplate(db, session.shop, locale) : await duplicateTemplate(db, session.shop, input.data.templateId, locale);
  if (!created) throw new Response("No such template", { status: 404 });
  return redirect(`/app/templates/${created.id}`);
};

export default function TemplatesPage() {
  const { templates, timezone } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const uiLocale = useUiLocale();
  // An index route's action is addressed with ?index; the admin's language names the new template.
  const post = (body: z.infer<typeof listAction>) => submit(body, { method: "post", encType: "application/json", action: `/app/templates?index&locale=${uiLocale}` });

  return (
    <TemplateList
      templates={templates}
      timezone={timezone}
      busy={navigation.state !== "idle"}
      onCreate={() => post({ intent: "create" })}
      onDuplicate={(templateId) => post({ intent: "duplicate", templateId })}
    />
  );
}
