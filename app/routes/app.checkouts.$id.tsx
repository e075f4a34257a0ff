import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { z } from "zod";
import { CheckoutDetailPage } from "~/checkouts-admin/checkout-detail-page";
import { CheckoutNotFound } from "~/checkouts-admin/checkout-not-found";
import { loadCheckoutDetail } from "~/checkouts-admin/load-checkout-detail.server";
import { sendNextStepNow } from "~/checkouts-admin/send-next-step-now.server";
import { stopCheckoutSequence } from "~/checkouts-admin/stop-checkout-sequence.server";
import { db } from "~/db/client.server";
import { sequencerServices } from "~/services.server";
import { authenticate } from "~/shopify.server";

const checkoutId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const actionForm = z.object({ intent: z.enum(["stop", "send_now"]) });

// Unknown, malformed and other shops' ids all answer the same 404.
const notFound = () => new Response("Not found", { status: 404 });

function idFrom(params: LoaderFunctionArgs["params"]): number {
  const parsed = checkoutId.safeParse(params.id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const detail = await loadCheckoutDetail(db, session.shop, idFrom(params));
  if (!detail) throw notFound();
  return { detail };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const id = idFrom(params);
  const form = actionForm.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) throw new Response("Unknown intent", { status: 400 });
  const result =
    form.data.intent === "stop"
      ? await stopCheckoutSequence(db, session.shop, id, new Date())
      : await sendNextStepNow(sequencerServices, session.shop, id, () => new Date());
  if (!result) throw notFound();
  return result;
};

export default function Checkout() {
  return <CheckoutDetailPage detail={useLoaderData<typeof loader>().detail} />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  return isRouteErrorResponse(error) && error.status === 404 ? <CheckoutNotFound /> : boundary.error(error);
}
