import { describe, expect, it } from "vitest";
import { renderEmail } from "~/templates/render";
import { buildSampleContext } from "~/templates/sample-context";
import type { TemplateContext, TemplateSource } from "~/templates/template-context";
import { TemplateError } from "~/templates/template-error";

const source: TemplateSource = {
  subject: "{{ customer.first_name }}, your {{ shop.name }} cart",
  preheader: "{{ cart.item_count }} items saved for you",
  html: `<!DOCTYPE html>
<html><head><style>
.button { background-color: #111827; color: #ffffff; }
@media only screen and (max-width: 620px) { .container { width: 100% !important; } }
</style></head>
<body><table class="container" width="600"><tr><td>
<p>Hi {{ customer.first_name }}</p>
{% for line in cart.line_items %}<p><img src="{{ line.image_url }}" alt="{{ line.title }}">{{ line.title }}: {{ line.line_total }}</p>{% endfor %}
<a class="button" href="{{ recovery_url }}">Complete my order</a>
<a href="{{ unsubscribe_url }}">Unsubscribe</a>
</td></tr></table></body></html>`,
  text: null,
};

const sample = buildSampleContext();

function withHostileData(): TemplateContext {
  const [line] = sample.cart.line_items;
  if (!line) throw new Error("the sample cart has lines");
  return {
    ...sample,
    customer: { ...sample.customer, first_name: `Eve <img src=x onerror=alert(1)>` },
    cart: { ...sample.cart, line_items: [{ ...line, title: `Shirt <script>alert("x")</script>` }] },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function renderFailure(broken: Partial<TemplateSource>): Promise<TemplateError> {
  const error = await renderEmail({ ...source, ...broken }, sample).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof TemplateError)) throw new Error(`expected a TemplateError, got ${String(error)}`);
  return error;
}

describe("renderEmail", () => {
  it("renders every part with the sample context", async () => {
    const email = await renderEmail(source, sample);
    expect(email.subject).toBe("Alex, your Example Store cart");
    expect(email.preheader).toBe("3 items saved for you");
    expect(email.html).toContain(">Linen Shirt: $68.00</p>");
    expect(email.html).toContain(">Canvas Tote: $45.00</p>");
  });

  it("escapes shoppers' names and product titles in the HTML", async () => {
    const { html } = await renderEmail(source, withHostileData());
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img src=x");
    const escapedTitle = "Shirt &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;";
    expect(html).toContain(`alt="${escapedTitle}">${escapedTitle}: $68.00`);
    expect(html).toContain("Hi Eve &lt;img src=x onerror=alert(1)&gt;");
  });

  it("leaves the subject, preheader and text part as plain text", async () => {
    const email = await renderEmail(
      { ...source, preheader: "For {{ customer.first_name }}", text: "{% for line in cart.line_items %}{{ line.title }}{% endfor %}" },
      withHostileData(),
    );
    expect(email.subject).toBe("Eve <img src=x onerror=alert(1)>, your Example Store cart");
    expect(email.preheader).toBe("For Eve <img src=x onerror=alert(1)>");
    expect(email.text).toBe(`Shirt <script>alert("x")</script>`);
  });

  it("makes the subject and preheader one line each", async () => {
    const email = await renderEmail(
      { ...source, subject: "{% if customer.first_name %}\n  Hi {{ customer.first_name }}\n{% endif %}\n", preheader: " Saved \n for you " },
      sample,
    );
    expect(email.subject).toBe("Hi Alex");
    expect(email.preheader).toBe("Saved for you");
  });

  it("inlines the CSS and keeps the media query for mobile", async () => {
    const { html } = await renderEmail(source, sample);
    expect(html).toMatch(/<a class="button" href="[^"]+" style="background-color: #111827; color: #ffffff;">/);
    expect(html).toMatch(/<style>\s*@media only screen and \(max-width: 620px\)/);
  });

  it("styles the elements Liquid repeats or chooses, and keeps Liquid inside attributes and styles working", async () => {
    const { html } = await renderEmail(
      {
        ...source,
        html: `<html><head><style>
.line { color: #111111; }
.vip { font-weight: bold; }
</style></head><body><table>
{% for line in cart.line_items %}<tr><td class="line" title="{{ line.title }}">{{ line.title }}</td></tr>{% endfor %}
</table>{% if customer.first_name == "Alex" %}<p class="vip">Welcome back</p>{% else %}<p>Hello</p>{% endif %}
<p style="width: {{ cart.item_count }}px">x</p></body></html>`,
      },
      sample,
    );
    const titles = sample.cart.line_items.map((line) => line.title);
    expect([...html.matchAll(/<td class="line" title="([^"]+)" style="color: #111111;">/g)].map((match) => match[1])).toEqual(titles);
    expect(html).toContain(`<p class="vip" style="font-weight: bold;">Welcome back</p>`);
    expect(html).not.toContain("Hello");
    expect(html).toContain(`<p style="width: 3px">x</p>`);
    expect(html).not.toMatch(/JUICE|{%|{{/);
  });

  it("hides the preheader at the top of the body", async () => {
    const { html } = await renderEmail(source, sample);
    expect(html).toMatch(/<body><div style="display:none;[^"]*">3 items saved for you/);
  });

  it("generates the text part from the HTML, with each link's URL", async () => {
    const { text } = await renderEmail(source, sample);
    expect(text).toContain("Hi Alex");
    expect(text).toMatch(new RegExp(`Complete my order\\s+\\[${escapeRegExp(sample.recovery_url)}\\]`));
    expect(text).toMatch(new RegExp(`Unsubscribe\\s+\\[${escapeRegExp(sample.unsubscribe_url)}\\]`));
    expect(text).not.toContain("items saved for you");
  });

  it("renders a text part the template provides instead of generating one", async () => {
    const { text } = await renderEmail({ ...source, text: "Finish here: {{ recovery_url }}" }, sample);
    expect(text).toBe(`Finish here: ${sample.recovery_url}`);
  });

  it("reports a Liquid error with its field, line and a clean message", async () => {
    const unclosed = await renderFailure({ html: "<body>\n<p>Hi</p>\n{% if customer.first_name %}\n<p>there</p>\n</body>" });
    expect(unclosed).toMatchObject({ field: "html", line: 3, message: "tag {% if customer.first_name %} not closed" });

    // Under a style block, which inlining removes: the line is still the one in the template as written.
    const styled = await renderFailure({ html: "<html><head><style>\np { color: red; }\n</style></head>\n<body>\n<p>{{ cart.total | nope }}</p>\n</body></html>" });
    expect(styled).toMatchObject({ field: "html", line: 5, message: "undefined filter: nope" });

    const unknownFilter = await renderFailure({ subject: "Hi {{ customer.first_name | shout }}" });
    expect(unknownFilter).toMatchObject({ field: "subject", line: 1, message: "undefined filter: shout" });

    expect(await renderFailure({ preheader: "{% endif %}" })).toMatchObject({ field: "preheader", line: 1 });
    expect(await renderFailure({ text: "Hi\n\n{{ customer.first_name | append }}" })).toMatchObject({ field: "text", line: 3 });
  });
});
