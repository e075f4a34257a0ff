import { describe, expect, it } from "vitest";
import type { CartLine } from "~/checkouts/cart-line";
import { SURVEY_REASONS } from "~/recovery/survey-reasons";
import { buildTemplateContext } from "~/templates/context";
import { DEFAULT_TEMPLATES, type DefaultLocale } from "~/templates/default-templates";
import { renderEmail } from "~/templates/render";
import { buildSampleContext } from "~/templates/sample-context";
import type { TemplateContext, TemplateSource } from "~/templates/template-context";
import { validateTemplate } from "~/templates/validation";

const LOCALES: DefaultLocale[] = ["en", "ko"];
const EVERY_SOURCE = DEFAULT_TEMPLATES.flatMap((template) =>
  LOCALES.map((locale) => ({ key: template.key, locale, source: template.contents[locale] })),
);
const HANGUL = /[\uac00-\ud7a3]/;

function source(key: string, locale: DefaultLocale): TemplateSource {
  const template = DEFAULT_TEMPLATES.find((candidate) => candidate.key === key);
  if (!template) throw new Error(`no default template ${key}`);
  return template.contents[locale];
}

function shopperContext(currency: string, locale: string, price: string, overrides: Partial<CartLine> = {}): TemplateContext {
  const line: CartLine = { title: "Tote", variantTitle: null, quantity: 1, price, linePrice: null, variantId: null, productId: null, sku: null, imageUrl: null, ...overrides };
  return buildTemplateContext({
    shop: { name: "Seoul Goods", domain: "seoul-goods.myshopify.com", currency: "KRW", locale: "ko" },
    checkout: { email: "a@example.com", firstName: null, lastName: null, currency, subtotalPrice: price, totalPrice: price, locale, lineItems: [line] },
    links: { recoveryUrl: "https://seoul-goods.myshopify.com/recover", unsubscribeUrl: "https://app.test/u/t" },
    stepNumber: 1,
  });
}

describe("DEFAULT_TEMPLATES", () => {
  it("is the 1 h, 24 h and 72 h sequence, in step order", () => {
    expect(DEFAULT_TEMPLATES.map(({ key, name }) => [key, name])).toEqual([
      ["reminder", "Reminder (1 hour)"],
      ["second_reminder", "Second reminder (24 hours)"],
      ["last_call", "Last call (72 hours)"],
    ]);
  });

  it.each(EVERY_SOURCE)("$key ($locale) passes validation", async ({ source }) => {
    expect(await validateTemplate(source)).toEqual([]);
  });

  it.each(EVERY_SOURCE)("$key ($locale) renders the cart, the button and the unsubscribe link", async ({ locale, source }) => {
    const context = buildSampleContext();
    const email = await renderEmail(source, context);
    expect(email.subject).not.toMatch(/[{}%]/);
    expect(email.preheader).toMatch(/^[^{}%]+$/);
    expect(email.html).toContain(`<html lang="${locale}">`);
    expect(email.html).toMatch(/<body[^>]*><div style="display:none;/);
    for (const text of ["Linen Shirt", "Sand / M", "Canvas Tote", "$68.00", "$45.00", "$121.50", "Example Store"]) {
      expect(email.html).toContain(text);
    }
    expect(email.html).toContain(`href="${context.recovery_url}"`);
    expect(email.html).toContain(`href="${context.unsubscribe_url}"`);
    expect(email.text).toContain(context.recovery_url);
    expect(email.text).toContain(context.unsubscribe_url);
  });

  it.each(DEFAULT_TEMPLATES)("$key greets the shopper by name, or warmly without one", async ({ contents }) => {
    const named = buildSampleContext();
    const anonymous = { ...named, customer: { first_name: "", last_name: "", email: "" } };
    expect((await renderEmail(contents.en, named)).html).toContain("Hi Alex,");
    expect((await renderEmail(contents.en, anonymous)).html).toContain("Hi there,");
    expect((await renderEmail(contents.ko, named)).html).toContain("Alex님, 안녕하세요.");
    expect((await renderEmail(contents.ko, anonymous)).html).toContain("고객님, 안녕하세요.");
  });

  it.each(DEFAULT_TEMPLATES)("$key in Korean reads Korean, and marks the subject as advertising", async ({ contents }) => {
    const email = await renderEmail(contents.ko, buildSampleContext());
    expect(email.subject).toMatch(/^\(광고\) /);
    expect(email.subject).toMatch(HANGUL);
    expect(email.preheader).toMatch(HANGUL);
    expect(email.html).toContain("합계");
    expect(email.html).toContain("수신 거부");
    expect(email.text).toContain("수량 2개 · 개당 $34.00");
  });

  it("shows won, yen and dollars the way a Korean reader expects, and dollars for an English one", async () => {
    const won = await renderEmail(source("reminder", "ko"), shopperContext("KRW", "ko-KR", "39000"));
    expect(won.html).toContain("₩39,000");
    const yen = await renderEmail(source("reminder", "ko"), shopperContext("JPY", "ko-KR", "3000"));
    expect(yen.html).toContain("JP¥3,000");
    const dollarsInKorean = await renderEmail(source("reminder", "ko"), shopperContext("USD", "ko-KR", "95.39"));
    expect(dollarsInKorean.html).toContain("US$95.39");
    const dollars = await renderEmail(source("reminder", "en"), shopperContext("USD", "en-US", "95.39"));
    expect(dollars.html).toContain("$95.39");
    expect(dollars.html).not.toContain("US$");
  });

  it.each(LOCALES)("last call (%s) offers the five survey answers as one-click links, in the survey's order", async (locale) => {
    const context = buildSampleContext();
    const { html, text } = await renderEmail(source("last_call", locale), context);
    const answers = [...html.matchAll(/<li[^>]*><a href="([^"]+)"[^>]*>([^<]+)<\/a><\/li>/g)];
    expect(answers.map(([, href]) => href)).toEqual(SURVEY_REASONS.map((reason) => context.survey[reason]));
    for (const [, , label] of answers) expect(label).toMatch(locale === "en" ? /^[A-Z]/ : HANGUL);
    for (const reason of SURVEY_REASONS) expect(text).toContain(context.survey[reason]);
    expect(text).not.toContain(locale === "en" ? "reply to this email" : "답장해");
  });

  it.each(DEFAULT_TEMPLATES.filter(({ key }) => key !== "last_call"))("$key carries no survey", async ({ contents }) => {
    for (const locale of LOCALES) {
      expect((await renderEmail(contents[locale], buildSampleContext())).html).not.toContain("/s/sample-survey-token");
    }
  });

  it("escapes a hostile product title", async () => {
    const hostile = shopperContext("USD", "en", "10.00", { title: `<script>alert(1)</script>`, imageUrl: "https://cdn.test/x.jpg" });
    const { html } = await renderEmail(source("reminder", "en"), hostile);
    expect(html).not.toContain("<script>");
    expect(html).toContain(`alt="&lt;script&gt;alert(1)&lt;/script&gt;"`);
  });
});
