import { describe, expect, it } from "vitest";
import type { TemplateSource } from "~/templates/template-context";
import { validateTemplate } from "~/templates/validation";

const valid: TemplateSource = {
  subject: "{{ customer.first_name | default: 'Hey' }}, your cart is waiting",
  preheader: "Saved at {{ shop.name }}",
  html: `<body><p>Hi {{ customer.first_name }}</p><a href="{{ recovery_url }}">Finish</a><a href="{{ unsubscribe_url }}">Unsubscribe</a></body>`,
  text: null,
};

describe("validateTemplate", () => {
  it("accepts a template that renders and offers unsubscribe", async () => {
    expect(await validateTemplate(valid)).toEqual([]);
    expect(await validateTemplate({ ...valid, text: "Finish: {{ recovery_url }}" })).toEqual([]);
  });

  it("reports each broken field with its line", async () => {
    const errors = await validateTemplate({
      subject: "Hi {{ customer.first_name | shout }}",
      preheader: "ok",
      html: `<body>\n<a href="{{ unsubscribe_url }}">Unsubscribe</a>\n{% if customer.first_name %}\n</body>`,
      text: "one\n{% for line in cart.line_items %}",
    });
    expect(errors).toEqual([
      { field: "subject", line: 1, message: "undefined filter: shout" },
      { field: "html", line: 3, message: "tag {% if customer.first_name %} not closed" },
      { field: "text", line: 2, message: "tag {% for line in cart.line_items %} not closed" },
    ]);
  });

  it("reports a failure that only shows when rendering the sample cart", async () => {
    const errors = await validateTemplate({ ...valid, preheader: "{% for line in cart.line_items %}{{ line.title | append }}{% endfor %}" });
    expect(errors).toEqual([{ field: "preheader", line: 1, message: "append expect 2 arguments" }]);
  });

  it("rejects a subject that is empty or renders empty", async () => {
    for (const subject of ["", "   ", "{% if false %}Hi{% endif %}"]) {
      expect(await validateTemplate({ ...valid, subject })).toEqual([{ field: "subject", line: null, message: "The subject is empty." }]);
    }
  });

  it("rejects empty HTML once, without also asking for the unsubscribe link", async () => {
    expect(await validateTemplate({ ...valid, html: " \n" })).toEqual([{ field: "html", line: null, message: "The HTML is empty." }]);
  });

  it("requires the HTML to offer the unsubscribe link", async () => {
    const missing = [{ field: "html", line: null, message: "Add {{ unsubscribe_url }} to the HTML: every recovery email must let the shopper unsubscribe." }];
    expect(await validateTemplate({ ...valid, html: "<p>Hi</p>" })).toEqual(missing);
    expect(await validateTemplate({ ...valid, html: "<p>Hi</p>{% comment %}{{ unsubscribe_url }}{% endcomment %}" })).toEqual(missing);
    expect(await validateTemplate({ ...valid, html: `<p>Hi</p><a href="{{ unsubscribe_url | raw }}">Unsubscribe</a>` })).toEqual([]);
  });

  it("does not ask the text part for the unsubscribe link", async () => {
    expect(await validateTemplate({ ...valid, text: "Finish: {{ recovery_url }}" })).toEqual([]);
  });
});
