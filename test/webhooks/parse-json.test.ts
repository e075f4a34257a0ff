import { describe, expect, it } from "vitest";
import { parseJsonKeepingLargeIntegers } from "~/webhooks/parse-json";

describe("parseJsonKeepingLargeIntegers", () => {
  it("keeps integers beyond Number.MAX_SAFE_INTEGER as their exact digits", () => {
    expect(JSON.parse('{"id":981820079255243537}').id).toBe(981820079255243500);
    expect(parseJsonKeepingLargeIntegers('{"id":981820079255243537,"nested":[{"id":-981820079255243537}]}')).toEqual({
      id: "981820079255243537",
      nested: [{ id: "-981820079255243537" }],
    });
  });

  it("leaves ordinary numbers as numbers", () => {
    expect(parseJsonKeepingLargeIntegers('{"id":7677484597543,"rate":0.06,"big":1e300}')).toEqual({
      id: 7677484597543,
      rate: 0.06,
      big: 1e300,
    });
  });

  it("throws on malformed JSON like JSON.parse", () => {
    expect(() => parseJsonKeepingLargeIntegers('{"id":')).toThrow(SyntaxError);
  });
});
