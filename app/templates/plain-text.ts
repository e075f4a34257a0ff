import { compile } from "html-to-text";

/**
 * The text/plain part for templates without one: the rendered HTML with each link's URL beside its
 * text, layout tables read as one block per cell, and images left out (their URLs are noise in text).
 */
export const htmlToPlainText = compile({
  wordwrap: 78,
  selectors: [
    { selector: "a", options: { hideLinkHrefIfSameAsText: true } },
    { selector: "img", format: "skip" },
    { selector: "table", format: "block" },
    { selector: "tr", format: "block" },
    { selector: "td", format: "block" },
    { selector: "th", format: "block" },
    ...["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
});
