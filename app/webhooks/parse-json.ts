type Reviver = (this: unknown, key: string, value: unknown, context?: { source?: string }) => unknown;

const INTEGER_LITERAL = /^-?\d+$/;

/**
 * JSON.parse, except that integers too large for a JS number keep their exact digits as a string
 * (Shopify's 18-digit ids would otherwise silently change). Uses the reviver's source text (Node 22).
 */
export function parseJsonKeepingLargeIntegers(text: string): unknown {
  const reviver: Reviver = (_key, value, context) =>
    typeof value === "number" && !Number.isSafeInteger(value) && context?.source && INTEGER_LITERAL.test(context.source)
      ? context.source
      : value;
  return JSON.parse(text, reviver as Parameters<typeof JSON.parse>[1]);
}
