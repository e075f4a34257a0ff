import type { ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db/client.server";
import { rotateSigningSecret } from "~/outbound/destinations.server";
import { idParam, notFoundAnswer } from "~/settings/http.server";
import { authenticate } from "~/shopify.server";

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const destination = await rotateSigningSecret(db, session.shop, idParam(params.id));
  return destination ? { ok: true as const, signingSecretHint: destination.signingSecretHint } : notFoundAnswer();
};
