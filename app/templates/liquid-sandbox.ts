import { Liquid, type Template } from "liquidjs";
import { LruCache } from "~/templates/lru-cache";
import type { TemplateContext } from "~/templates/template-context";
import { templateErrorFrom, type TemplateField } from "~/templates/template-error";

/**
 * Merchants write these templates and shoppers' data fills them, so the engine can reach nothing but the
 * context: no files, no prototype properties, no unknown filters, and bounded work. A merchant's
 * `{% for i in (1..100000000) %}` fails that template's send instead of stalling every shop's sequencer.
 *
 * In the HTML field every `{{ }}` and `{% echo %}` is HTML-escaped, because customer names and product
 * titles come from shoppers and merchants' catalogues. To emit markup deliberately, end the output with
 * `| raw`: `{{ "<br>" | raw }}`. Subject, preheader and text are plain text and never escaped.
 */
const LIMITS = {
  parseLimit: 500_000, // characters per field: five times the size at which Gmail clips a message
  renderLimit: 1_000, // milliseconds per field
  memoryLimit: 10_000_000, // liquidjs's units: range items plus characters built by filters
};

const FILE_TAGS = ["include", "render", "layout"];

// Shopify-style templates end outputs with `| escape`; as the last filter it has already made the value
// safe, and escaping it again would show "&amp;amp;" to the shopper.
const FINAL_ESCAPE_FILTERS = ["escape", "escape_once"];

interface Sandbox {
  engine: Liquid;
  parsed: LruCache<string, Template[]>;
}

function createSandbox(escapeHtml: boolean): Sandbox {
  const engine = new Liquid({
    ...LIMITS,
    templates: {}, // an empty in-memory file system: nothing can ever be read from disk
    ownPropertyOnly: true,
    strictFilters: true,
    outputEscape: escapeHtml ? "escape" : undefined,
  });
  for (const tag of FILE_TAGS) engine.registerTag(tag, refusedFileTag(tag));
  if (escapeHtml) for (const name of FINAL_ESCAPE_FILTERS) markAsFinal(engine, name);
  return { engine, parsed: new LruCache(200) };
}

function refusedFileTag(tag: string) {
  return {
    parse() {
      throw new Error(`{% ${tag} %} is not available: an email template is self-contained and cannot load other files`);
    },
    render() {},
  };
}

function markAsFinal(engine: Liquid, name: string): void {
  const handler = engine.filters[name];
  if (typeof handler !== "function") throw new Error(`liquidjs has no "${name}" filter`);
  engine.registerFilter(name, { handler, raw: true });
}

const sandboxes = { html: createSandbox(true), plain: createSandbox(false) };

/** Renders one field of a template; a Liquid failure becomes a TemplateError placed in that field. */
export async function renderLiquid(field: TemplateField, source: string, context: TemplateContext): Promise<string> {
  const { engine, parsed } = field === "html" ? sandboxes.html : sandboxes.plain;
  try {
    let templates = parsed.get(source);
    if (!templates) {
      templates = engine.parse(source);
      parsed.set(source, templates);
    }
    // {% increment %} writes into the scope object; a copy keeps one field from changing the next one's data.
    // Synchronously: nothing in the sandbox waits on anything, and renderLimit then counts the render's
    // own time only. Rendered asynchronously, a render resumed after other work had held the event loop
    // (a slow query of the sequencer's) failed for "taking too long", and its step with it, for good.
    const output: string = engine.renderSync(templates, { ...context });
    return output;
  } catch (error) {
    throw templateErrorFrom(field, error);
  }
}
