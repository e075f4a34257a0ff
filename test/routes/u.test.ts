import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { signLinkToken } from "~/links/link-token.server";
import { suppressAddress, suppressionFor } from "~/models/suppression.server";
import { action, loader } from "~/routes/u.$token";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const DAY = 24 * 60 * 60 * 1000;
const ANN = "ann@example.com";

const unsubscribeToken = (stepRunId: number, signedAt = new Date()) => signLinkToken("unsubscribe", stepRunId, signedAt);
const request = (token: string, init: RequestInit = {}) => ({
  request: new Request(`${config.appUrl}/u/${token}`, init),
  params: { token },
  context: {},
});
const open = (token: string) => loader(request(token));
const confirm = (token: string) => action(request(token, { method: "POST" }));
const oneClick = (token: string) =>
  action(
    request(token, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    }),
  );

const unsubscribeActivities = () =>
  db.activity.findMany({ where: { kind: "unsubscribed" }, select: { shop: true, checkoutId: true, enrollmentId: true, stepRunId: true } });

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("GET /u/<token>", () => {
  it("asks the shopper to confirm, with a form posting back, and unsubscribes no one", async () => {
    const { stepRun } = await createSentMessage();

    const response = await open(unsubscribeToken(stepRun.id));

    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(page).toContain("<h1>Unsubscribe from Test Shop’s cart reminders?</h1>");
    expect(page).toContain('<form method="post"><button type="submit">Unsubscribe</button></form>');
    expect(await suppressionFor(db, TEST_SHOP, ANN)).toBeNull();
    expect(await unsubscribeActivities()).toEqual([]);
  });

  it("serves a self-contained page that is not cached and passes no referrer on", async () => {
    const { stepRun } = await createSentMessage();

    const response = await open(unsubscribeToken(stepRun.id));

    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(response.headers.get("Content-Security-Policy")).toMatch(/^default-src 'none';.*form-action 'self'/);
  });

  it("escapes the shop's name", async () => {
    await db.shop.update({ where: { domain: TEST_SHOP }, data: { name: "<script>alert(1)</script>" } });
    const { stepRun } = await createSentMessage();

    const page = await (await open(unsubscribeToken(stepRun.id))).text();

    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe("POST /u/<token>", () => {
  it("suppresses the checkout's address for the shop, records the unsubscribe and confirms it", async () => {
    const { checkout, enrollment, stepRun } = await createSentMessage();

    const response = await confirm(unsubscribeToken(stepRun.id));

    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<h1>You’re unsubscribed</h1>");
    expect(await suppressionFor(db, TEST_SHOP, ANN)).toBe("unsubscribed");
    expect(await unsubscribeActivities()).toEqual([
      { shop: TEST_SHOP, checkoutId: checkout.id, enrollmentId: enrollment.id, stepRunId: stepRun.id },
    ]);
  });

  it("answers a mailbox provider's RFC 8058 one-click request, sent without cookies, with 200", async () => {
    const { stepRun } = await createSentMessage();

    const response = await oneClick(unsubscribeToken(stepRun.id));

    expect(response.status).toBe(200);
    expect(await suppressionFor(db, TEST_SHOP, ANN)).toBe("unsubscribed");
  });

  it("changes nothing the second time", async () => {
    const { stepRun } = await createSentMessage();
    const token = unsubscribeToken(stepRun.id);

    await oneClick(token);
    const again = await confirm(token);

    expect(again.status).toBe(200);
    expect(await db.suppression.count()).toBe(1);
    expect(await unsubscribeActivities()).toHaveLength(1);
  });

  it("records the unsubscribe of an address already suppressed for another reason, keeping that reason", async () => {
    const { stepRun } = await createSentMessage();
    await suppressAddress(db, TEST_SHOP, ANN, "bounced");

    await confirm(unsubscribeToken(stepRun.id));

    expect(await suppressionFor(db, TEST_SHOP, ANN)).toBe("bounced");
    expect(await unsubscribeActivities()).toHaveLength(1);
  });

  it("confirms without error when the checkout's address was erased", async () => {
    const { stepRun } = await createSentMessage({ checkout: { email: null, firstName: null, lastName: null, redactedAt: new Date() } });

    const response = await confirm(unsubscribeToken(stepRun.id));

    expect(response.status).toBe(200);
    expect(await response.text()).toContain("You’re unsubscribed");
    expect(await db.suppression.count()).toBe(0);
    expect(await unsubscribeActivities()).toEqual([]);
  });

  it("suppresses the address the message went to even after the shopper's data was erased", async () => {
    const { stepRun, checkout } = await createSentMessage();
    await db.checkout.update({ where: { id: checkout.id }, data: { email: null, redactedAt: new Date() } });

    await confirm(unsubscribeToken(stepRun.id));

    expect(await suppressionFor(db, TEST_SHOP, ANN)).toBe("unsubscribed");
  });

  it("ends the shopper's running sequence at once, so its next step is never sent", async () => {
    const { stepRun, enrollment, version, template } = await createSentMessage();
    const nextStep = await db.step.create({ data: { sequenceVersionId: version.id, position: 2, delayMinutes: 24 * 60, templateId: template.id } });
    const due = new Date("2026-11-21T15:15:00Z");
    const nextRun = await db.stepRun.create({
      data: { shop: TEST_SHOP, enrollmentId: enrollment.id, stepId: nextStep.id, position: 2, channel: "email", dueAt: due, scheduledAt: due },
    });

    await confirm(unsubscribeToken(stepRun.id));

    expect(await db.enrollment.findUniqueOrThrow({ where: { id: enrollment.id } })).toMatchObject({ status: "stopped", stopReason: "unsubscribed" });
    expect(await db.stepRun.findUniqueOrThrow({ where: { id: nextRun.id } })).toMatchObject({ status: "skipped", reason: "unsubscribed" });
  });

  it("still honours the opt-out after the shop uninstalled", async () => {
    const { stepRun } = await createSentMessage();
    await db.shop.update({ where: { domain: TEST_SHOP }, data: { status: "uninstalled", uninstalledAt: new Date() } });

    await confirm(unsubscribeToken(stepRun.id));

    expect(await suppressionFor(db, TEST_SHOP, ANN)).toBe("unsubscribed");
  });
});

describe("unusable unsubscribe links", () => {
  it("answer 404 when tampered with, made for recovery, or naming no message, and unsubscribe no one", async () => {
    const { stepRun } = await createSentMessage();
    const genuine = unsubscribeToken(stepRun.id);
    const tokens = [
      genuine.replace(`-${stepRun.id}-`, `-${stepRun.id + 1}-`),
      signLinkToken("recover", stepRun.id, new Date()),
      unsubscribeToken(stepRun.id + 1000),
    ];

    for (const token of tokens) {
      expect((await open(token)).status).toBe(404);
      expect((await oneClick(token)).status).toBe(404);
    }
    expect(await db.suppression.count()).toBe(0);
  });

  it("answer 410 after 365 days, linking to the storefront, and unsubscribe no one", async () => {
    const { stepRun } = await createSentMessage();
    const expired = unsubscribeToken(stepRun.id, new Date(Date.now() - 365 * DAY - 1000));

    expect((await open(expired)).status).toBe(410);
    const response = await oneClick(expired);

    expect(response.status).toBe(410);
    const page = await response.text();
    expect(page).toContain("This unsubscribe link has expired");
    expect(page).toContain(`<a href="https://${TEST_SHOP}/">Visit Test Shop</a>`);
    expect(await db.suppression.count()).toBe(0);
  });
});
