import { data, type ActionFunctionArgs } from "@remix-run/node";
import { db } from "~/db/client.server";
import { revealSigningSecret } from "~/outbound/destinations.server";
import { idParam, notFoundAnswer } from "~/settings/http.server";
import { authenticate } from "~/shopify.server";

// The only answer that carries the whole signing secret: a POST the merchant makes on purpose, never
// loader data, and kept out of every cache.
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const secret = await revealSigningSecret(db, session.shop, idParam(params.id));
  return secret === null ? notFoundAnswer() : data({ ok: true as const, secret }, { headers: { "Cache-Control": "no-store" } });
};
