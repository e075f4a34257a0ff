import { describe, expect, it } from "vitest";
import { errorLine, templateExcerpt } from "~/settings/template-excerpt";

const TEMPLATE = ["{", '  "a": 1,', '  "b": {{ nope | json }},', '  "c": 3,', '  "d": 4,', '  "e": 5', "}"].join("\n");

describe("template errors", () => {
  it("name the line destination validation reported", () => {
    expect(errorLine("Line 3: undefined variable: nope")).toBe(3);
    expect(errorLine("The payload is not valid JSON: Unexpected token")).toBeNull();
  });

  it("show the failing line with two lines either side, numbered", () => {
    expect(templateExcerpt(TEMPLATE, 3)).toEqual([
      { number: 1, text: "{", failing: false },
      { number: 2, text: '  "a": 1,', failing: false },
      { number: 3, text: '  "b": {{ nope | json }},', failing: true },
      { number: 4, text: '  "c": 3,', failing: false },
      { number: 5, text: '  "d": 4,', failing: false },
    ]);
  });

  it("stop at the template's ends, and show nothing for a line it does not have", () => {
    expect(templateExcerpt(TEMPLATE, 7).map((line) => line.number)).toEqual([5, 6, 7]);
    expect(templateExcerpt("a\r\nb", 1)).toEqual([
      { number: 1, text: "a", failing: true },
      { number: 2, text: "b", failing: false },
    ]);
    expect(templateExcerpt(TEMPLATE, 9)).toEqual([]);
  });
});
