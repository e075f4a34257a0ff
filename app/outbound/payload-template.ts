import { Liquid, LiquidError, type Template } from "liquidjs";
import { LruCache } from "~/templates/lru-cache";
import type { PayloadContext } from "./payload-context";
import { hostilePayloadContext, samplePayloadContext } from "./payload-samples";

/**
 * A destination's payload is Liquid that renders to JSON. Values go in through the json filter, which
 * writes a complete JSON value, quotes and escapes included:
 *
 *   { "email": {{ customer.email | json }}, "total": {{ checkout.total | json }} }
 *
 * never `"{{ customer.email }}"`, which breaks (or lets a shopper's name inject fields) as soon as a
 * value holds a quote. To build text from several values, capture it and insert the capture:
 *
 *   {% capture body %}Hi {{ customer.first_name }}, your cart: {{ recovery_url }}{% endcapture %}
 *   { "body": {{ body | json }} }
 *
 * The sandbox is the email one's sibling: no file access, no prototype properties, bounded work; and
 * unknown variables and filters are errors, since in JSON a misspelt name would silently become a
 * hole. Every render is checked to be JSON before it is stored or sent.
 */
const LIMITS = {
  parseLimit: 100_000, // characters of template
  renderLimit: 1_000, // milliseconds
  memoryLimit: 10_000_000, // liquidjs's units: range items plus characters built by filters
};

/** What a receiver can be expected to accept, and what the ledger stores per delivery. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

const FILE_TAGS = ["include", "render", "layout"];

export class PayloadTemplateError extends Error {
  override readonly name = "PayloadTemplateError";

  /** `line` is the template's 1-based line for Liquid errors, null for problems with the rendered JSON. */
  constructor(
    readonly line: number | null,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const engine = new Liquid({ ...LIMITS, templates: {}, ownPropertyOnly: true, strictFilters: true, strictVariables: true });
for (const tag of FILE_TAGS) {
  engine.registerTag(tag, {
    parse() {
      throw new Error(`{% ${tag} %} is not available: a payload template is self-contained`);
    },
    render() {},
  });
}
const parsed = new LruCache<string, Template[]>(200);

/** Renders the template for one delivery: the JSON text to send, or a PayloadTemplateError. */
export async function renderPayload(source: string, context: PayloadContext): Promise<string> {
  let output: string;
  try {
    let templates = parsed.get(source);
    if (!templates) {
      templates = engine.parse(source);
      parsed.set(source, templates);
    }
    // {% increment %} writes into the scope object; a copy keeps renders from leaking into each other.
    // Synchronously, so that renderLimit counts this render's time only (see renderLiquid).
    output = engine.renderSync(templates, { ...context });
  } catch (error) {
    throw liquidFailure(error);
  }
  const json = output.trim();
  try {
    JSON.parse(json);
  } catch (error) {
    // V8 quotes the text around the error, which holds the shopper's details: keep only its diagnosis.
    const diagnosis = (error as Error).message.replace(/, .* is not valid JSON$/s, "");
    throw new PayloadTemplateError(null, `The payload is not valid JSON: ${diagnosis}`);
  }
  if (Buffer.byteLength(json) > MAX_PAYLOAD_BYTES) throw new PayloadTemplateError(null, `The payload is larger than ${MAX_PAYLOAD_BYTES / 1024} KiB`);
  return json;
}

/**
 * Null when the template renders valid JSON for the sample cart and for one whose names and titles
 * hold quotes, backslashes and line breaks; otherwise the first problem, worded for the merchant.
 */
export async function validatePayloadTemplate(source: string): Promise<PayloadTemplateError | null> {
  if (!source.trim()) return new PayloadTemplateError(null, "Enter a payload template");
  try {
    await renderPayload(source, samplePayloadContext());
  } catch (error) {
    if (error instanceof PayloadTemplateError) return error;
    throw error;
  }
  try {
    await renderPayload(source, hostilePayloadContext());
    return null;
  } catch (error) {
    if (!(error instanceof PayloadTemplateError)) throw error;
    if (error.line !== null) return error;
    return new PayloadTemplateError(null, 'A value is inserted without the json filter, so a name with a quote in it would break the JSON. Write {{ customer.first_name | json }}, without quotes around it.');
  }
}

const POSITION_SUFFIX = /, line:\d+, col:\d+$/;

function liquidFailure(error: unknown): PayloadTemplateError {
  if (LiquidError.is(error)) {
    const [line = 1] = error.token.getPosition();
    return new PayloadTemplateError(line, error.message.replace(POSITION_SUFFIX, ""), { cause: error });
  }
  // liquidjs reports its resource limits without a position.
  return new PayloadTemplateError(1, error instanceof Error ? error.message : String(error), { cause: error });
}
