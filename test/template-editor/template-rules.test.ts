import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES } from "~/templates/default-templates";
import { contentForm, type TemplateForm } from "~/template-editor/template-form";
import { checkTemplate } from "~/template-editor/template-rules";

const reminder = DEFAULT_TEMPLATES[0]!.contents;

function form(overrides: Partial<TemplateForm> = {}): TemplateForm {
  return { name: "Reminder", contents: { en: contentForm(reminder.en), ko: contentForm(reminder.ko) }, ...overrides };
}

describe("checking a template before it is saved", () => {
  it("accepts a valid template, trimming its name and generating an empty text part", async () => {
    const checked = await checkTemplate(form({ name: "  Reminder  ", contents: { en: { ...contentForm(reminder.en), text: "  " } } }), "en");

    expect(checked).toEqual({ template: { name: "Reminder", contents: { en: { ...reminder.en, text: null } } } });
  });

  it("places a Liquid error in its language and field, with its line", async () => {
    const html = `${reminder.ko.html.slice(0, reminder.ko.html.indexOf("<body>"))}<body>\n<p>\n{% if customer.first_name %}\n</body>`;
    const checked = await checkTemplate(form({ contents: { en: contentForm(reminder.en), ko: { ...contentForm(reminder.ko), html } } }), "en");

    const line = html.split("\n").findIndex((text) => text.includes("{% if")) + 1;
    expect(checked).toEqual({ fieldErrors: { "contents.ko.html": expect.stringMatching(new RegExp(`^Line ${line}: .*if`)) } });
  });

  it("keeps validation's own rules, such as the unsubscribe link, without a line", async () => {
    const checked = await checkTemplate(form({ contents: { en: { ...contentForm(reminder.en), html: "<p>Hi</p>" } } }), "en");

    expect(checked).toEqual({ fieldErrors: { "contents.en.html": "Add {{ unsubscribe_url }} to the HTML: every recovery email must let the shopper unsubscribe." } });
  });

  it("asks for a name and at least one language", async () => {
    expect(await checkTemplate(form({ name: " ", contents: {} }), "en")).toEqual({
      fieldErrors: { name: "Enter a name of up to 100 characters.", contents: "Keep at least one language." },
    });
  });

  it("frames the line in the admin's language", async () => {
    const checked = await checkTemplate(form({ contents: { en: { ...contentForm(reminder.en), subject: "{{ cart.total | nope }}" } } }), "ko");

    expect(checked).toEqual({ fieldErrors: { "contents.en.subject": expect.stringMatching(/^1번째 줄: .*nope/) } });
  });
});
