import { Liquid } from "liquidjs";
import { describe, expect, it } from "vitest";
import { TemplateError, templateErrorFrom } from "~/templates/template-error";

async function liquidFailure(source: string, engine = new Liquid({ strictFilters: true })): Promise<unknown> {
  try {
    await engine.parseAndRender(source, {});
  } catch (error) {
    return error;
  }
  throw new Error("expected Liquid to fail");
}

describe("templateErrorFrom", () => {
  it("places a parse error on its line and drops liquidjs's position suffix", async () => {
    const error = templateErrorFrom("html", await liquidFailure("<p>\n</p>\n{% if x %}\nyes"));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error).toMatchObject({ name: "TemplateError", field: "html", line: 3, message: "tag {% if x %} not closed" });
  });

  it("places a render error on its line", async () => {
    const error = templateErrorFrom("text", await liquidFailure("one\ntwo {{ x | append }}"));
    expect(error).toMatchObject({ field: "text", line: 2, message: "append expect 2 arguments" });
  });

  it("places a tokenizer error on its line", async () => {
    const error = templateErrorFrom("subject", await liquidFailure("Hi\n{{ customer.first_name "));
    expect(error).toMatchObject({ field: "subject", line: 2, message: 'output "{{ customer.first_name " not closed' });
  });

  it("keeps the liquidjs error as the cause, for logs", async () => {
    const failure = await liquidFailure("{{ x | nope }}");
    expect(templateErrorFrom("html", failure).cause).toBe(failure);
  });

  it("explains exceeded limits in the merchant's terms", async () => {
    const memory = await liquidFailure("{% for i in (1..100) %}{% endfor %}", new Liquid({ memoryLimit: 10 }));
    expect(templateErrorFrom("html", memory).message).toBe("The template produces too much: is there a loop over a huge range?");
    const time = await liquidFailure("{% for i in (1..2) %}{% endfor %}", new Liquid({ renderLimit: -1 }));
    expect(templateErrorFrom("html", time).message).toBe("The template takes too long to render: is there a loop that never ends?");
  });

  it("puts a failure without a position, such as an over-long template, on line 1", async () => {
    const error = templateErrorFrom("html", await liquidFailure("0123456789", new Liquid({ parseLimit: 5 })));
    expect(error).toMatchObject({ field: "html", line: 1, message: "The template is too long." });
  });
});
