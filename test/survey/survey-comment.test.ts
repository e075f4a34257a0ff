import { describe, expect, it } from "vitest";
import { cleanComment, MAX_COMMENT_LENGTH } from "~/survey/survey-comment";

describe("cleanComment", () => {
  it("trims the text", () => {
    expect(cleanComment("\n  Too slow to ship  \t")).toBe("Too slow to ship");
  });

  it("keeps at most 1000 characters, never splitting one", () => {
    expect(MAX_COMMENT_LENGTH).toBe(1000);
    expect(cleanComment("a".repeat(1001))).toBe("a".repeat(1000));
    const emoji = cleanComment("📦".repeat(1001))!;
    expect(Array.from(emoji)).toHaveLength(1000);
    expect(emoji).toBe("📦".repeat(1000));
  });

  it("is null when nothing is left", () => {
    expect(cleanComment("")).toBeNull();
    expect(cleanComment(" \n ")).toBeNull();
  });
});
