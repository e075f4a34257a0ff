import { describe, expect, it } from "vitest";
import { validateDestinationInput, type DestinationInput } from "~/outbound/destination-input";
import { PRESETS } from "~/outbound/presets";

function input(overrides: Partial<DestinationInput> = {}): DestinationInput {
  return { name: "HubSpot", url: "https://hooks.example.com/comeback", payloadTemplate: PRESETS.crm.template, ...overrides };
}

async function errors(overrides: Partial<DestinationInput>) {
  const result = await validateDestinationInput(input(overrides));
  if (result.ok) throw new Error("expected field errors");
  return result.fieldErrors;
}

describe("validateDestinationInput", () => {
  it("accepts a destination, with defaults for what the form left out", async () => {
    const result = await validateDestinationInput(input({ name: "  HubSpot ", headers: [{ name: "Authorization", value: "Bearer abc", secret: true }] }));
    expect(result).toEqual({
      ok: true,
      destination: {
        name: "HubSpot",
        url: "https://hooks.example.com/comeback",
        method: "POST",
        headers: [{ name: "Authorization", value: "Bearer abc", secret: true }],
        payloadTemplate: PRESETS.crm.template,
        preset: null,
        events: [],
        followRedirects: false,
        enabled: true,
      },
    });
  });

  it("keeps subscribed events once each", async () => {
    const result = await validateDestinationInput(input({ events: ["checkout.abandoned", "cart.high_value", "checkout.abandoned"], preset: "crm" }));
    expect(result.ok && result.destination).toMatchObject({ events: ["checkout.abandoned", "cart.high_value"], preset: "crm" });
  });

  it.each([
    ["ftp://files.example.com/drop", "Enter an http:// or https:// URL"],
    ["hooks.example.com/comeback", "Enter an http:// or https:// URL"],
    ["javascript:alert(1)", "Enter an http:// or https:// URL"],
    ["https://user:pass@hooks.example.com/", "Put credentials in a secret header, not in the URL"],
  ])("refuses the URL %s", async (url, message) => {
    expect(await errors({ url })).toEqual({ url: message });
  });

  it("refuses methods other than POST, PUT and PATCH", async () => {
    expect(await errors({ method: "GET" as never })).toEqual({ method: "Choose POST, PUT or PATCH" });
  });

  it("needs a name", async () => {
    expect(await errors({ name: "  " })).toEqual({ name: "Enter a name" });
  });

  it.each([
    ["Host", "This header is set by Comeback and cannot be changed"],
    ["content-length", "This header is set by Comeback and cannot be changed"],
    ["Transfer-Encoding", "This header is set by Comeback and cannot be changed"],
    ["Connection", "This header is set by Comeback and cannot be changed"],
    ["webhook-signature", "webhook-* headers carry the signature and cannot be set"],
    ["Webhook-Id", "webhook-* headers carry the signature and cannot be set"],
    ["X Api Key", "Use letters, digits and - only"],
    ["X-Api-Key:", "Use letters, digits and - only"],
  ])("refuses the header name %s", async (name, message) => {
    expect(await errors({ headers: [{ name: "X-Ok", value: "1", secret: false }, { name, value: "v", secret: false }] })).toEqual({ "headers.1.name": message });
  });

  it("refuses header values that could smuggle in headers, and empty ones", async () => {
    expect(await errors({ headers: [{ name: "X-Tag", value: "a\r\nX-Injected: 1", secret: false }] })).toEqual({ "headers.0.value": "Enter a value of printable ASCII characters" });
    expect(await errors({ headers: [{ name: "X-Tag", value: "", secret: false }] })).toEqual({ "headers.0.value": "Enter a value of printable ASCII characters" });
  });

  it("refuses the same header twice, whatever its case", async () => {
    expect(await errors({ headers: [{ name: "X-Tag", value: "1", secret: false }, { name: "x-tag", value: "2", secret: false }] })).toEqual({ "headers.1.name": "This header is already set" });
  });

  it("refuses a template that does not render JSON", async () => {
    expect(await errors({ payloadTemplate: '{ "email": {{ customer.email }} }' })).toEqual({ payloadTemplate: expect.stringMatching(/^The payload is not valid JSON/) });
  });

  it("places Liquid errors of the template on their line", async () => {
    expect(await errors({ payloadTemplate: '{\n  "email": {{ customer.email | json }},\n  "x": {% if %}\n}' })).toEqual({ payloadTemplate: expect.stringMatching(/^Line 3: /) });
  });

  it("refuses unknown events and presets", async () => {
    expect(await errors({ events: ["order.created" as never], preset: "slack" as never })).toEqual({ "events.0": "Choose among the listed events", preset: "Choose one of the presets" });
  });

  it("reports every problem at once", async () => {
    expect(Object.keys(await errors({ name: "", url: "nope", method: "DELETE" as never, payloadTemplate: "{" })).sort()).toEqual(["method", "name", "payloadTemplate", "url"]);
  });
});
