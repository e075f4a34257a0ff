import { describe, expect, it } from "vitest";
import { inlineCss } from "~/templates/inline-css";

const html = `<html><head><style>
.button { color: #ffffff; background-color: #111827; }
p { margin: 0 0 16px; }
@media only screen and (max-width: 620px) { .container { width: 100% !important; } }
</style></head><body><table class="container"><tr><td class="button"><a href="https://x.test">Go</a></td></tr></table><p>Hi</p></body></html>`;

describe("inlineCss", () => {
  it("copies the rules of <style> onto the elements", () => {
    const inlined = inlineCss(html);
    expect(inlined).toContain(`<td class="button" style="color: #ffffff; background-color: #111827;"`);
    expect(inlined).toContain(`<p style="margin: 0 0 16px;">Hi</p>`);
  });

  it("gives table cells the bgcolor attribute Outlook reads", () => {
    expect(inlineCss(html)).toMatch(/<td class="button"[^>]* bgcolor="#111827"/);
  });

  it("keeps @media rules, and only them, in a <style> block", () => {
    const style = /<style>([\s\S]*)<\/style>/.exec(inlineCss(html))?.[1] ?? "";
    expect(style).toContain("@media only screen and (max-width: 620px)");
    expect(style).toContain("width: 100% !important");
    expect(style).not.toContain(".button");
  });
});
