/** Longest free-text answer kept, in characters. */
export const MAX_COMMENT_LENGTH = 1000;

/**
 * What is kept of a shopper's free-text answer: trimmed, cut to the maximum by characters (never
 * inside a surrogate pair), and null when nothing is left.
 */
export function cleanComment(text: string): string | null {
  return Array.from(text.trim()).slice(0, MAX_COMMENT_LENGTH).join("") || null;
}
