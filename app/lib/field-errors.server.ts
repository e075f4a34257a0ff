import { data } from "@remix-run/node";

export type FieldErrors = Record<string, string>;

/**
 * A form's validation failure: 422 with errors keyed by field name ("steps.2.delayMinutes"), which the
 * page reads with useActionData and passes to each Polaris field's `error` prop.
 */
export function fieldErrorsResponse(fieldErrors: FieldErrors) {
  return data({ ok: false as const, fieldErrors }, { status: 422 });
}
