import { describe, expect, it } from "vitest";
import { MAX_NESTING_DEPTH, parseWebhookJson } from "~/webhooks/parse-json";

describe("parseWebhookJson", () => {
  it("keeps integers beyond Number.MAX_SAFE_INTEGER as their exact digits", () => {
    expect(JSON.parse('{"id":981820079255243537}').id).toBe(981820079255243500);
    expect(parseWebhookJson('{"id":981820079255243537,"nested":[{"id":-981820079255243537}]}')).toEqual({
      id: "981820079255243537",
      nested: [{ id: "-981820079255243537" }],
    });
  });

  it("leaves ordinary numbers as numbers", () => {
    expect(parseWebhookJson('{"id":7677484597543,"rate":0.06,"big":1e300}')).toEqual({
      id: 7677484597543,
      rate: 0.06,
      big: 1e300,
    });
  });

  it("throws on malformed JSON like JSON.parse", () => {
    expect(() => parseWebhookJson('{"id":')).toThrow(SyntaxError);
  });

  it("replaces what no database column stores, NUL and unpaired surrogates, and keeps paired ones", () => {
    expect(parseWebhookJson('{"name":"a\\ud800b","tail":"\\udc00","emoji":"\\ud83d\\udca5","nul":"x\\u0000y"}')).toEqual({
      name: "a\uFFFDb",
      tail: "\uFFFD",
      emoji: "💥",
      nul: "x\uFFFDy",
    });
  });

  it("finds an unpaired surrogate escaped with capital hex digits, with nothing else in the body to revive", () => {
    expect(parseWebhookJson('{"tail":"\\uDC00","fine":"\\u00e9"}')).toEqual({ tail: "\uFFFD", fine: "é" });
  });

  it("refuses nesting deeper than the limit with a SyntaxError, before the reviver's recursion overflows the stack", () => {
    const nested = (depth: number) => `{"a":${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`;
    expect(() => parseWebhookJson(nested(MAX_NESTING_DEPTH))).not.toThrow();
    expect(() => parseWebhookJson(nested(MAX_NESTING_DEPTH + 1))).toThrow(SyntaxError);
    expect(() => parseWebhookJson(nested(100_000))).toThrow(SyntaxError);
  });

  it("counts no brackets inside strings, escaped quotes included", () => {
    const brackets = "[".repeat(MAX_NESTING_DEPTH * 2);
    expect(parseWebhookJson(`{"note":"\\"${brackets}"}`)).toEqual({ note: `"${brackets}` });
  });
});
