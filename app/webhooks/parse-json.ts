type Reviver = (this: unknown, key: string, value: unknown, context?: { source?: string }) => unknown;

const INTEGER_LITERAL = /^-?\d+$/;
/** Characters JSON's \u escapes allow but no database column holds: NUL (PostgreSQL's text) and unpaired surrogates. */
const UNSTORABLE = /\0|\p{Surrogate}/gu;

/**
 * What the reviver could change: 16 digits in a row (every integer of 15 digits or fewer is safe), an
 * escaped NUL or surrogate, or an unpaired surrogate in the text itself. Errs towards the reviver.
 */
const MAY_NEED_REVIVER = /\d{16}|\\u(?:0000|[dD][89a-fA-F])|\p{Surrogate}/u;

/** Far deeper than any Shopify payload, and far shallower than the reviver's recursion can go. */
export const MAX_NESTING_DEPTH = 64;

/**
 * JSON.parse for webhook bodies, with three differences. Integers too large for a JS number keep
 * their exact digits as a string (Shopify's 18-digit ids would otherwise silently change), using the
 * reviver's source text (Node 22). Characters no database stores become U+FFFD, as a decoder makes of
 * bytes it cannot read. Text nested deeper than MAX_NESTING_DEPTH is refused with a SyntaxError before
 * the reviver, which recurses, could overflow the stack.
 */
export function parseWebhookJson(text: string): unknown {
  if (nestsDeeperThan(text, MAX_NESTING_DEPTH)) throw new SyntaxError(`JSON nested deeper than ${MAX_NESTING_DEPTH} levels`);
  // A reviver costs more than the rest of the parse: most bodies have nothing for it to do.
  if (!MAY_NEED_REVIVER.test(text)) return JSON.parse(text);
  const reviver: Reviver = (_key, value, context) => {
    if (typeof value === "string") return value.replace(UNSTORABLE, "\uFFFD");
    return typeof value === "number" && !Number.isSafeInteger(value) && context?.source && INTEGER_LITERAL.test(context.source)
      ? context.source
      : value;
  };
  return JSON.parse(text, reviver as Parameters<typeof JSON.parse>[1]);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

/** Counts open brackets and braces outside strings; a linear scan, whatever the text. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (OPENERS.has(code) && ++depth > limit) return true;
    else if (CLOSERS.has(code)) depth--;
  }
  return false;
}
