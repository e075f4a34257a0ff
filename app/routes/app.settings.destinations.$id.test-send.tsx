import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { db } from "~/db/client.server";
import { fieldErrorsResponse } from "~/lib/field-errors.server";
import { sequencerServices } from "~/services.server";
import { idParam, notFoundAnswer } from "~/settings/http.server";
import { testSendToDestination } from "~/settings/test-send.server";
import { authenticate } from "~/shopify.server";

const testSendForm = z.object({ checkoutId: z.coerce.number().int().positive() });

// Through the same SSRF-safe client as real deliveries: a test must not reach what a delivery cannot.
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const destinationId = idParam(params.id);
  const form = testSendForm.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return fieldErrorsResponse({ checkoutId: "chooseCheckout" });
  const report = await testSendToDestination({ db, http: sequencerServices.webhookHttp, shop: session.shop, destinationId, checkoutId: form.data.checkoutId, now: new Date() });
  return report ? { ok: true as const, report } : notFoundAnswer();
};
