import { describe, expect, it } from "vitest";
import { LIQUID_VARIABLES, liquidVariableMessages } from "~/template-editor/liquid-variables";
import { buildSampleContext } from "~/templates/sample-context";

/** Every variable a template can print, as written in Liquid; a cart line's fields as `line.*`. */
function leafPaths(value: unknown, path: string): string[] {
  if (Array.isArray(value)) return [path, ...leafPaths(value[0], "line")];
  if (value !== null && typeof value === "object") return Object.entries(value).flatMap(([key, inner]) => leafPaths(inner, path ? `${path}.${key}` : key));
  return [path];
}

describe("the Liquid variable reference", () => {
  it("lists exactly the variables of the template context, each described in English and Korean", () => {
    expect([...LIQUID_VARIABLES].sort()).toEqual(leafPaths(buildSampleContext(), "").sort());
    for (const name of LIQUID_VARIABLES) expect(liquidVariableMessages.ko[name]).not.toBe("");
  });
});
