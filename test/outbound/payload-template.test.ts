import { describe, expect, it } from "vitest";
import { hostilePayloadContext, samplePayloadContext } from "~/outbound/payload-samples";
import { MAX_PAYLOAD_BYTES, PayloadTemplateError, renderPayload, validatePayloadTemplate } from "~/outbound/payload-template";

async function failure(source: string, context = samplePayloadContext()): Promise<PayloadTemplateError> {
  const error = await renderPayload(source, context).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof PayloadTemplateError)) throw new Error(`expected a PayloadTemplateError, got ${String(error)}`);
  return error;
}

describe("renderPayload", () => {
  it("renders JSON with values inserted through the json filter, escaped whatever they hold", async () => {
    const source = '{ "name": {{ customer.first_name | json }}, "items": {{ checkout.item_count | json }}, "consent": {{ customer.accepts_sms_marketing | json }} }';
    expect(JSON.parse(await renderPayload(source, hostilePayloadContext()))).toEqual({ name: 'Ann "AJ""\\\n', items: 3, consent: true });
  });

  it("counts only the render's own time: other work holding the event loop meanwhile fails nothing", async () => {
    const rendering = renderPayload('{ "name": {{ customer.first_name | json }} }', samplePayloadContext());
    const busyUntil = performance.now() + 1_200;
    while (performance.now() < busyUntil);

    await expect(rendering).resolves.toMatch(/^\{ "name": /);
  });

  it("trims the whitespace around the JSON", async () => {
    expect(await renderPayload('\n  {"a": 1}\n\n', samplePayloadContext())).toBe('{"a": 1}');
  });

  it("places Liquid syntax errors on their line", async () => {
    const error = await failure('{\n  "a": 1,\n  "b": {{ customer.email | json }\n}');
    expect(error.line).toBe(3);
    expect(error.message).not.toMatch(/line:\d/);
  });

  it("reports misspelt variables and unknown filters on their line instead of leaving a hole", async () => {
    expect(await failure('{\n"a": {{ customer.emial | json }}\n}')).toMatchObject({ line: 2, message: expect.stringContaining("customer.emial") });
    expect((await failure('{\n\n"a": {{ customer.email | to_json }}\n}')).line).toBe(3);
  });

  it("reports output that is not JSON, without quoting the shopper's details", async () => {
    const error = await failure('{ "email": {{ customer.email }} }');
    expect(error.line).toBeNull();
    expect(error.message).toBe("The payload is not valid JSON: Unexpected token 'a'");
    expect((await failure('{ "a": 1 "b": 2 }')).message).toBe("The payload is not valid JSON: Expected ',' or '}' after property value in JSON at position 9 (line 1 column 10)");
  });

  it("refuses templates that would read files", async () => {
    expect((await failure('{% render "secrets" %}')).message).toMatch(/not available/);
    expect((await failure('{% include "x" %}')).message).toMatch(/not available/);
  });

  it("refuses payloads larger than 256 KiB", async () => {
    expect(MAX_PAYLOAD_BYTES).toBe(256 * 1024);
    const error = await failure('[{% for i in (1..1000) %}{{ checkout | json }},{% endfor %}0]');
    expect(error.message).toBe("The payload is larger than 256 KiB");
  });

  it("bounds the work a template may do", async () => {
    expect((await failure('[{% for i in (1..100000000) %}{{ i }},{% endfor %}0]')).message).toMatch(/limit/);
  }, 10_000);
});

describe("validatePayloadTemplate", () => {
  it("accepts a template that renders JSON for every sample", async () => {
    expect(await validatePayloadTemplate('{ "email": {{ customer.email | json }}, "name": {{ customer.first_name | json }} }')).toBeNull();
  });

  it("catches values pasted between quotes, which a shopper's name would break", async () => {
    const error = await validatePayloadTemplate('{ "email": {{ customer.email | json }}, "name": "{{ customer.first_name }}" }');
    expect(error?.message).toMatch(/without the json filter/);
    expect(error?.message).toContain("{{ customer.first_name | json }}");
  });

  it("reports Liquid errors with their line and empty templates", async () => {
    expect((await validatePayloadTemplate('{\n"a": {% if %}\n}'))?.line).toBe(2);
    expect((await validatePayloadTemplate("  "))?.message).toBe("Enter a payload template");
  });
});
