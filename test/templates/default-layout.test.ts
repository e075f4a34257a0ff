import { describe, expect, it } from "vitest";
import { defaultEmailHtml } from "~/templates/default-layout";
import { renderEmail } from "~/templates/render";
import { buildSampleContext } from "~/templates/sample-context";
import type { TemplateContext } from "~/templates/template-context";

const html = defaultEmailHtml(
  { lang: "en", quantity: "Qty {{ line.quantity }}", total: "Total", footer: `<a href="{{ unsubscribe_url }}">Unsubscribe</a>` },
  { heading: "Heading here", message: "<p>Message here</p>", button: "Button here", closing: "<p>Closing here</p>" },
);

async function render(context: TemplateContext = buildSampleContext()): Promise<string> {
  return (await renderEmail({ subject: "s", preheader: "", html, text: null }, context)).html;
}

function cells(rendered: string, className: string): string[] {
  return [...rendered.matchAll(new RegExp(`<td class="${className}"[^>]*>`, "g"))].map((match) => match[0]);
}

describe("defaultEmailHtml", () => {
  it("places the copy and the language", async () => {
    const rendered = await render();
    expect(rendered).toContain(`<html lang="en">`);
    expect(rendered).toMatch(/<h1[^>]*>Heading here<\/h1>/);
    expect(rendered.indexOf("Message here")).toBeLessThan(rendered.indexOf("Linen Shirt"));
    expect(rendered.indexOf("Button here")).toBeLessThan(rendered.indexOf("Closing here"));
  });

  it("is a 600px table layout that goes full width on small screens", async () => {
    const rendered = await render();
    expect(rendered).toMatch(/<table role="presentation" class="container" width="600"/);
    expect(rendered).toMatch(/@media only screen and \(max-width: 620px\)[\s\S]*\.container \{\s*width: 100% !important;/);
  });

  it("lists each line with its title, quantity and line total", async () => {
    const rendered = await render();
    expect(rendered).toMatch(/Linen Shirt<\/div>\s*<div class="item-meta"[^>]*>Sand \/ M<\/div>\s*<div class="item-meta"[^>]*>Qty 2<\/div>/);
    expect(rendered).toMatch(/Canvas Tote<\/div>\s*<div class="item-meta"[^>]*>Qty 1<\/div>/);
    expect(cells(rendered, "item-total")).toHaveLength(2);
    expect(rendered).toMatch(/>\$68\.00<\/td>[\s\S]*>\$45\.00<\/td>[\s\S]*>Total<\/td>\s*<td class="total-amount"[^>]*>\$121\.50<\/td>/);
  });

  it("shows an image only for lines that have one, widening the other line's cell instead", async () => {
    const rendered = await render();
    expect(rendered.match(/<img /g)).toHaveLength(1);
    expect(rendered).toContain(`<img src="https://cdn.shopify.com/s/files/1/0000/0001/files/linen-shirt.jpg" alt="Linen Shirt" width="64"`);
    expect(cells(rendered, "item").map((cell) => cell.includes(`colspan="2"`))).toEqual([false, true]);
  });

  it("makes the button a padded link in a coloured cell, sized for Outlook too", async () => {
    const rendered = await render();
    const [button] = cells(rendered, "button");
    expect(button).toContain(`bgcolor="#111827"`);
    expect(button).toContain("mso-padding-alt: 14px 28px;");
    const context = buildSampleContext();
    expect(rendered).toMatch(new RegExp(`<a href="${context.recovery_url}" target="_blank" style="display: inline-block; padding: 14px 28px;[^"]*">Button here</a>`));
  });

  it("ends with the footer and its unsubscribe link", async () => {
    const rendered = await render();
    expect(rendered).toMatch(/<td class="footer"[^>]*><a href="https:\/\/comeback\.example\/u\/sample-unsubscribe-token"[^>]*>Unsubscribe<\/a><\/td>/);
  });
});
