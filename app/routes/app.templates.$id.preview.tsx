import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db/client.server";
import { previewInput, templateIdParam } from "~/template-editor/template-input";
import { previewTemplate } from "~/template-editor/template-preview.server";
import { authenticate } from "~/shopify.server";

// The editor's live preview: POSTed (a template does not fit in a URL) by a debounced fetcher.
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const templateId = templateIdParam.safeParse(params.id);
  const preview = previewInput.safeParse(await request.json().catch(() => null));
  if (!preview.success) throw new Response("Malformed preview request", { status: 400 });
  const result = templateId.success ? await previewTemplate(db, session.shop, templateId.data, preview.data) : null;
  if (!result) throw new Response("No such template or checkout", { status: 404 });
  return Response.json(result);
};
