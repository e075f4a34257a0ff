import { LiquidError } from "liquidjs";

export const TEMPLATE_FIELDS = ["subject", "preheader", "html", "text"] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** A Liquid parse or render failure, placed in the field and 1-based line the merchant wrote it in. */
export class TemplateError extends Error {
  override readonly name = "TemplateError";

  constructor(
    readonly field: TemplateField,
    readonly line: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

// liquidjs words its DoS limits for developers; merchants see these in the template editor.
const LIMIT_MESSAGES: Record<string, string> = {
  "template render limit exceeded": "The template takes too long to render: is there a loop that never ends?",
  "memory alloc limit exceeded": "The template produces too much: is there a loop over a huge range?",
  "parse length limit exceeded": "The template is too long.",
};

const POSITION_SUFFIX = /, line:\d+, col:\d+$/;

export function templateErrorFrom(field: TemplateField, error: unknown): TemplateError {
  if (!LiquidError.is(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new TemplateError(field, 1, LIMIT_MESSAGES[message] ?? message, { cause: error });
  }
  const [line = 1] = error.token.getPosition();
  const message = error.message.replace(POSITION_SUFFIX, "");
  return new TemplateError(field, line, LIMIT_MESSAGES[message] ?? message, { cause: error });
}
