import { z } from "zod";
import { OUTBOUND_EVENTS } from "./outbound-events";
import { validatePayloadTemplate } from "./payload-template";
import { PRESET_IDS } from "./presets";

export const DESTINATION_METHODS = ["POST", "PUT", "PATCH"] as const;

/** Field-keyed messages for the form: "url", "headers.2.name", "payloadTemplate". */
export type FieldErrors = { fieldErrors: Record<string, string> };

const MAX_HEADERS = 20;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Printable ASCII only: a line break in a value would let it smuggle in headers of its own.
const HEADER_VALUE = /^[\x20-\x7e]+$/;

/**
 * Headers the transport or the signature owns. Letting a merchant set them would break the request
 * (a wrong Content-Length, Host), smuggle a second one (Transfer-Encoding), or forge our signature.
 */
const RESERVED_HEADERS = new Set([
  "host",
  "content-length",
  "content-type",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "upgrade",
  "expect",
  "user-agent",
]);

const header = z.object({
  name: z
    .string()
    .trim()
    .regex(HEADER_NAME, "Use letters, digits and - only")
    .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), "This header is set by Comeback and cannot be changed")
    .refine((name) => !name.toLowerCase().startsWith("webhook-"), "webhook-* headers carry the signature and cannot be set"),
  value: z.string().trim().max(4096, "At most 4096 characters").regex(HEADER_VALUE, "Enter a value of printable ASCII characters"),
  secret: z.boolean().default(false),
});

const destination = z.object({
  name: z.string().trim().min(1, "Enter a name").max(100, "At most 100 characters"),
  url: z.string().trim().max(2048, "At most 2048 characters").superRefine((value, ctx) => {
    const problem = urlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  method: z.enum(DESTINATION_METHODS, "Choose POST, PUT or PATCH").default("POST"),
  headers: z
    .array(header)
    .max(MAX_HEADERS, `At most ${MAX_HEADERS} headers`)
    .default([])
    .superRefine((headers, ctx) => {
      const seen = new Set<string>();
      headers.forEach(({ name }, index) => {
        if (seen.has(name.toLowerCase())) ctx.addIssue({ code: "custom", message: "This header is already set", path: [index, "name"] });
        seen.add(name.toLowerCase());
      });
    }),
  payloadTemplate: z.string().superRefine(async (source, ctx) => {
    const error = await validatePayloadTemplate(source);
    if (error) ctx.addIssue({ code: "custom", message: error.line === null ? error.message : `Line ${error.line}: ${error.message}` });
  }),
  preset: z.enum(PRESET_IDS, "Choose one of the presets").nullable().default(null),
  events: z
    .array(z.enum(OUTBOUND_EVENTS, "Choose among the listed events"))
    .default([])
    .transform((events) => [...new Set(events)]),
  followRedirects: z.boolean().default(false),
  enabled: z.boolean().default(true),
});

export type DestinationInput = z.input<typeof destination>;
export type ValidDestination = z.output<typeof destination>;
export type HeaderInput = z.input<typeof header>;

/** The destination as the form sent it, checked field by field; the payload template is rendered against sample carts. */
export async function validateDestinationInput(input: unknown): Promise<{ ok: true; destination: ValidDestination } | ({ ok: false } & FieldErrors)> {
  const result = await destination.safeParseAsync(input);
  if (result.success) return { ok: true, destination: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "form";
    fieldErrors[field] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

function urlProblem(value: string): string | null {
  const url = URL.parse(value);
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) return "Enter an http:// or https:// URL";
  // Credentials in a URL end up in logs and on screen; a secret header keeps them sealed.
  if (url.username || url.password) return "Put credentials in a secret header, not in the URL";
  return null;
}
