import { describe, expect, it } from "vitest";
import { withPreheader } from "~/templates/preheader";

const hiddenElement = /^<div style="display:none;[^"]*mso-hide:all;[^"]*">/;

describe("withPreheader", () => {
  it("puts the preheader in a hidden element first in the body", () => {
    const html = withPreheader(`<html><head><title>t</title></head><body class="x"><p>Hello</p></body></html>`, "Your cart is saved");
    const body = html.split(`<body class="x">`)[1] ?? "";
    expect(body).toMatch(hiddenElement);
    expect(body.indexOf("Your cart is saved")).toBeLessThan(body.indexOf("<p>Hello</p>"));
  });

  it("pads the preview with invisible filler so the body's first words stay out of it", () => {
    expect(withPreheader("<body></body>", "Hi")).toContain("Hi&#847;&zwnj;&nbsp;&#847;&zwnj;&nbsp;");
  });

  it("escapes the plain-text preheader for HTML", () => {
    expect(withPreheader("<body></body>", `<script>"x" & y`)).toContain("&lt;script&gt;&quot;x&quot; &amp; y");
  });

  it("starts a fragment without a body with the preheader", () => {
    expect(withPreheader("<p>Hello</p>", "Saved")).toMatch(hiddenElement);
  });

  it("adds nothing when there is no preheader, leaving the preview to the body", () => {
    expect(withPreheader("<body><p>Hello</p></body>", "")).toBe("<body><p>Hello</p></body>");
  });
});
