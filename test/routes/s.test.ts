import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { signLinkToken } from "~/links/link-token.server";
import { messageLinks } from "~/links/message-links.server";
import { action, loader } from "~/routes/s.$token";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const DAY = 24 * 60 * 60 * 1000;

const surveyToken = (stepRunId: number, signedAt = new Date()) => signLinkToken("survey", stepRunId, signedAt);
const args = (token: string, query: string, init: RequestInit = {}) => ({
  request: new Request(`${config.appUrl}/s/${token}${query}`, init),
  params: { token },
  context: {},
});
const answer = (token: string, reason: string, init: RequestInit = {}) => loader(args(token, `?reason=${reason}`, init));
const comment = (token: string, text: string) =>
  action(args(token, "?reason=other", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ comment: text }) }));

const answers = () => db.surveyAnswer.findMany({ select: { shop: true, checkoutId: true, stepRunId: true, reason: true, comment: true } });
const surveyActivities = () =>
  db.activity.findMany({ where: { kind: "survey_answered" }, orderBy: { id: "asc" }, select: { shop: true, reason: true, checkoutId: true, enrollmentId: true, stepRunId: true, detail: true } });
const nothingRecorded = async () => {
  expect(await db.surveyAnswer.count()).toBe(0);
  expect(await surveyActivities()).toEqual([]);
};

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("GET /s/<token>?reason=<reason>", () => {
  it("records the answer from the email's own link for the message's checkout, with an activity, and thanks the shopper", async () => {
    const { checkout, enrollment, stepRun } = await createSentMessage();
    const link = new URL(messageLinks(stepRun.id, new Date()).survey.price);
    const token = link.pathname.split("/").at(-1)!;

    const response = await loader({ request: new Request(link), params: { token }, context: {} });

    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(page).toContain("<h1>Thanks for letting us know</h1>");
    expect(page).toContain(`<a href="https://${TEST_SHOP}/">Visit Test Shop</a>`);
    expect(page).not.toContain("<form");
    expect(await answers()).toEqual([{ shop: TEST_SHOP, checkoutId: checkout.id, stepRunId: stepRun.id, reason: "price", comment: null }]);
    expect(await surveyActivities()).toEqual([
      { shop: TEST_SHOP, reason: "price", checkoutId: checkout.id, enrollmentId: enrollment.id, stepRunId: stepRun.id, detail: null },
    ]);
  });

  it("serves a self-contained page that is not cached and passes no referrer on", async () => {
    const { stepRun } = await createSentMessage();

    const response = await answer(surveyToken(stepRun.id), "price");

    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(response.headers.get("Content-Security-Policy")).toMatch(/^default-src 'none';.*form-action 'self'/);
  });

  it("replaces the answer when the shopper changes their mind, saying what it was, and adds nothing for the same answer twice", async () => {
    const { stepRun } = await createSentMessage();
    const token = surveyToken(stepRun.id);

    await answer(token, "price");
    await answer(token, "shipping_cost");
    await answer(token, "shipping_cost");

    expect((await answers()).map(({ reason }) => reason)).toEqual(["shipping_cost"]);
    expect((await surveyActivities()).map(({ reason, detail }) => ({ reason, detail }))).toEqual([
      { reason: "price", detail: null },
      { reason: "shipping_cost", detail: { previousReason: "price" } },
    ]);
  });

  it("answers HEAD requests, which link scanners send, without recording anything", async () => {
    const { stepRun } = await createSentMessage();

    const response = await answer(surveyToken(stepRun.id), "price", { method: "HEAD" });

    expect(response.status).toBe(200);
    await nothingRecorded();
  });

  it("records nothing for a known crawler fetching the link", async () => {
    const { stepRun } = await createSentMessage();
    const headers = { "User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" };

    expect((await answer(surveyToken(stepRun.id), "price", { headers })).status).toBe(200);
    await nothingRecorded();
  });

  it("answers 400 with a small page for an unknown or missing reason, and records nothing", async () => {
    const { stepRun } = await createSentMessage();
    const token = surveyToken(stepRun.id);

    for (const response of [await answer(token, "too_expensive"), await loader(args(token, ""))]) {
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("We didn’t catch that answer");
    }
    await nothingRecorded();
  });

  it("offers a text box for “other”, posting back to the same address", async () => {
    const { stepRun } = await createSentMessage();

    const page = await (await answer(surveyToken(stepRun.id), "other")).text();

    expect(page).toContain(
      '<form method="post"><label for="comment">Anything you’d like to tell Test Shop?</label><textarea id="comment" name="comment" maxLength="1000"></textarea><button type="submit">Send</button></form>',
    );
    expect((await answers()).map(({ reason }) => reason)).toEqual(["other"]);
  });

  it("escapes the shop's name", async () => {
    await db.shop.update({ where: { domain: TEST_SHOP }, data: { name: "<script>alert(1)</script>" } });
    const { stepRun } = await createSentMessage();

    const page = await (await answer(surveyToken(stepRun.id), "other")).text();

    expect(page).not.toContain("<script>");
    expect(page).toContain("Anything you’d like to tell &lt;script&gt;alert(1)&lt;/script&gt;?");
  });

  it("thanks the shopper of a shop that uninstalled, but records nothing for it", async () => {
    const { stepRun } = await createSentMessage();
    await db.shop.update({ where: { domain: TEST_SHOP }, data: { status: "uninstalled", uninstalledAt: new Date() } });

    expect((await answer(surveyToken(stepRun.id), "price")).status).toBe(200);
    await nothingRecorded();
  });

  it("records nothing for a message whose cart is gone", async () => {
    const { stepRun } = await createSentMessage({ stepRun: { checkoutId: 999_999 } });

    expect((await answer(surveyToken(stepRun.id), "price")).status).toBe(200);
    await nothingRecorded();
  });
});

describe("POST /s/<token>", () => {
  it("stores the shopper's words, trimmed, with “other” as their answer", async () => {
    const { stepRun } = await createSentMessage();
    const token = surveyToken(stepRun.id);
    await answer(token, "other");

    const response = await comment(token, "  The delivery date was too late for a birthday.  \n");

    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<h1>Thank you</h1>");
    expect(await answers()).toMatchObject([{ reason: "other", comment: "The delivery date was too late for a birthday." }]);
    expect(await surveyActivities()).toHaveLength(1);
  });

  it("keeps the first 1000 characters of a longer comment", async () => {
    const { stepRun } = await createSentMessage();

    await comment(surveyToken(stepRun.id), "한".repeat(1200));

    expect((await answers())[0]!.comment).toBe("한".repeat(1000));
  });

  it("makes “other” the answer when the comment comes first, and a later answer drops the comment", async () => {
    const { stepRun } = await createSentMessage();
    const token = surveyToken(stepRun.id);
    await answer(token, "price");

    await comment(token, "Found it cheaper elsewhere");
    expect(await answers()).toMatchObject([{ reason: "other", comment: "Found it cheaper elsewhere" }]);
    await answer(token, "other");
    expect(await answers()).toMatchObject([{ reason: "other", comment: "Found it cheaper elsewhere" }]);
    await answer(token, "just_browsing");

    expect(await answers()).toMatchObject([{ reason: "just_browsing", comment: null }]);
    expect((await surveyActivities()).map(({ reason }) => reason)).toEqual(["price", "other", "just_browsing"]);
  });

  it("stores no comment for an empty box or a body that is not a form", async () => {
    const { stepRun } = await createSentMessage();
    const token = surveyToken(stepRun.id);

    expect((await comment(token, "   ")).status).toBe(200);
    expect(await answers()).toMatchObject([{ reason: "other", comment: null }]);
    const response = await action(args(token, "", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }));
    expect(response.status).toBe(200);
    expect(await answers()).toMatchObject([{ reason: "other", comment: null }]);
  });
});

describe("unusable survey links", () => {
  it("answer 404 when tampered with, made for another purpose, or naming no message, and record nothing", async () => {
    const { stepRun } = await createSentMessage();
    const genuine = surveyToken(stepRun.id);
    const [payload, signature] = genuine.split(".");
    const tokens = [
      `${payload}.${signature!.split("").reverse().join("")}`,
      genuine.replace(`-${stepRun.id}-`, `-${stepRun.id + 1}-`),
      signLinkToken("recover", stepRun.id, new Date()),
      surveyToken(stepRun.id + 1000),
    ];

    for (const token of tokens) {
      const response = await answer(token, "price");
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("This link doesn’t work");
      expect((await comment(token, "hello")).status).toBe(404);
    }
    await nothingRecorded();
  });

  it("answer 410 after 30 days, linking to the storefront, and record nothing", async () => {
    const { stepRun } = await createSentMessage();
    const expired = surveyToken(stepRun.id, new Date(Date.now() - 30 * DAY - 1000));

    const response = await answer(expired, "price");

    expect(response.status).toBe(410);
    const page = await response.text();
    expect(page).toContain("This survey has closed");
    expect(page).toContain(`<a href="https://${TEST_SHOP}/">Visit Test Shop</a>`);
    expect((await comment(expired, "hello")).status).toBe(410);
    await nothingRecorded();
  });

  it("are refused before their reason is looked at", async () => {
    const { stepRun } = await createSentMessage();

    expect((await answer(surveyToken(stepRun.id + 1000), "nonsense")).status).toBe(404);
  });
});
