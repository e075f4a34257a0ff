import { Liquid } from "liquidjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderLiquid } from "~/templates/liquid-sandbox";
import { buildSampleContext } from "~/templates/sample-context";
import type { TemplateContext } from "~/templates/template-context";
import { TemplateError, type TemplateField } from "~/templates/template-error";

const hostile: TemplateContext = { ...buildSampleContext(), customer: { first_name: `<b>Ann</b> & "Bo"`, last_name: "", email: "" } };

async function failure(field: TemplateField, source: string): Promise<TemplateError> {
  const error = await renderLiquid(field, source, hostile).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof TemplateError)) throw new Error(`expected a TemplateError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("renderLiquid", () => {
  it("HTML-escapes every output of the HTML field", async () => {
    const html = await renderLiquid("html", "{{ customer.first_name }}|{% echo customer.first_name %}|{{ customer.first_name | upcase }}", hostile);
    expect(html).toBe("&lt;b&gt;Ann&lt;/b&gt; &amp; &#34;Bo&#34;|&lt;b&gt;Ann&lt;/b&gt; &amp; &#34;Bo&#34;|&lt;B&gt;ANN&lt;/B&gt; &amp; &#34;BO&#34;");
  });

  it("leaves subject, preheader and text unescaped: they are plain text", async () => {
    for (const field of ["subject", "preheader", "text"] as const) {
      expect(await renderLiquid(field, "{{ customer.first_name }}", hostile)).toBe(`<b>Ann</b> & "Bo"`);
    }
  });

  it("emits markup deliberately through | raw", async () => {
    expect(await renderLiquid("html", `{{ "<br>" | raw }}`, hostile)).toBe("<br>");
  });

  it("escapes once when the template already ends with | escape or | escape_once", async () => {
    expect(await renderLiquid("html", "{{ customer.first_name | escape }}", hostile)).toBe("&lt;b&gt;Ann&lt;/b&gt; &amp; &#34;Bo&#34;");
    expect(await renderLiquid("html", `{{ "Fish &amp; Chips" | escape_once }}`, hostile)).toBe("Fish &amp; Chips");
  });

  it("shows unknown variables as empty strings, so | default works", async () => {
    expect(await renderLiquid("subject", `[{{ nothing.here }}] {{ customer.last_name | default: "friend" }}`, hostile)).toBe("[] friend");
  });

  it("hides properties the context does not own", async () => {
    expect(await renderLiquid("html", "[{{ customer.constructor }}{{ cart.line_items.constructor }}]", hostile)).toBe("[]");
  });

  it("treats an unknown filter as an error", async () => {
    expect(await failure("subject", "Hi {{ customer.first_name | shout }}")).toMatchObject({
      field: "subject",
      line: 1,
      message: "undefined filter: shout",
    });
  });

  it("refuses include, render and layout without reading any file", async () => {
    for (const tag of ["include", "render", "layout"]) {
      const error = await failure("html", `<p>\n{% ${tag} 'package.json' %}`);
      expect(error).toMatchObject({
        field: "html",
        line: 2,
        message: `{% ${tag} %} is not available: an email template is self-contained and cannot load other files`,
      });
    }
  });

  it("stops a loop over a huge range at once", async () => {
    const started = performance.now();
    const error = await failure("html", "{% for i in (1..100000000) %}x{% endfor %}");
    expect(error.message).toBe("The template produces too much: is there a loop over a huge range?");
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("stops nested loops that would run for minutes after about a second", async () => {
    const started = performance.now();
    const loops = "{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}{% endfor %}{% endfor %}{% endfor %}";
    const error = await failure("html", loops);
    expect(error.message).toBe("The template takes too long to render: is there a loop that never ends?");
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("counts only the render's own time: other work holding the event loop meanwhile fails nothing", async () => {
    const rendering = renderLiquid("html", "{% for line in cart.line_items %}{{ line.title }} {% endfor %}", hostile);
    // A slow synchronous query, say, right after the render began.
    const busyUntil = performance.now() + 1_200;
    while (performance.now() < busyUntil);

    await expect(rendering).resolves.toContain(hostile.cart.line_items[0]!.title);
  });

  it("keeps one render's {% increment %} out of the context the next render sees", async () => {
    const context = buildSampleContext();
    await renderLiquid("subject", "{% increment recovery_url %}", context);
    expect(context.recovery_url).toMatch(/^https:/);
    expect(await renderLiquid("html", "{{ recovery_url }}", context)).toBe(context.recovery_url);
  });

  it("parses a source once and reuses it for later renders", async () => {
    const parse = vi.spyOn(Liquid.prototype, "parse");
    const source = `Hi {{ customer.first_name }} ${Math.random()}`;
    await renderLiquid("text", source, hostile);
    await renderLiquid("text", source, buildSampleContext());
    expect(parse).toHaveBeenCalledTimes(1);
    expect(await renderLiquid("text", source, buildSampleContext())).toMatch(/^Hi Alex /);
  });

  it("parses the same source separately for HTML, where it escapes differently", async () => {
    const source = `{{ "<i>" }} ${Math.random()}`;
    expect(await renderLiquid("text", source, hostile)).toMatch(/^<i> /);
    expect(await renderLiquid("html", source, hostile)).toMatch(/^&lt;i&gt; /);
  });
});
