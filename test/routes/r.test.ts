import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it } from "vitest";
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { signLinkToken } from "~/links/link-token.server";
import { loader } from "~/routes/r.$token";
import { discountCodeName } from "~/discounts/discount-code-name.server";
import { createSentMessage } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

const DAY = 24 * 60 * 60 * 1000;
const UTM = "utm_source=comeback&utm_medium=email&utm_campaign=abandoned_checkout&utm_content=step-1";

const recoverToken = (stepRunId: number, signedAt = new Date()) => signLinkToken("recover", stepRunId, signedAt);
const follow = (token: string, init: RequestInit = {}, query = "") =>
  loader({ request: new Request(`${config.appUrl}/r/${token}${query}`, init), params: { token }, context: {} });

const clicksRecorded = async () => ({
  activities: await db.activity.count({ where: { kind: "clicked" } }),
  clickedRuns: await db.stepRun.count({ where: { firstClickedAt: { not: null } } }),
});

beforeEach(async () => {
  await resetDatabase();
  await createShop();
});

describe("GET /r/<token>", () => {
  it("redirects to the checkout's recovery URL with UTM parameters, uncached and without a referrer", async () => {
    const { checkout, stepRun } = await createSentMessage();

    const response = await follow(recoverToken(stepRun.id));

    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${checkout.recoveryUrl}&${UTM}`);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
  });

  it("records the click, with the open and delivery it implies, and a clicked activity", async () => {
    const { checkout, enrollment, stepRun } = await createSentMessage();
    const before = new Date();

    await follow(recoverToken(stepRun.id));

    const run = await db.stepRun.findUniqueOrThrow({ where: { id: stepRun.id } });
    for (const at of [run.deliveredAt, run.firstOpenedAt, run.firstClickedAt, run.lastClickedAt]) {
      expect(at?.getTime()).toBeGreaterThanOrEqual(before.getTime());
    }
    expect(await db.activity.findMany({ select: { shop: true, kind: true, checkoutId: true, enrollmentId: true, stepRunId: true } })).toEqual([
      { shop: TEST_SHOP, kind: "clicked", checkoutId: checkout.id, enrollmentId: enrollment.id, stepRunId: stepRun.id },
    ]);
  });

  it("answers HEAD requests, which link scanners send, without recording a click", async () => {
    const { checkout, stepRun } = await createSentMessage();

    const response = await follow(recoverToken(stepRun.id), { method: "HEAD" });

    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${checkout.recoveryUrl}&${UTM}`);
    expect(await clicksRecorded()).toEqual({ activities: 0, clickedRuns: 0 });
  });

  it("lets nothing in the request choose the destination", async () => {
    const { checkout, stepRun } = await createSentMessage();
    const headers = { Host: "evil.example", "X-Forwarded-Host": "evil.example", Referer: "https://evil.example/" };

    const response = await follow(recoverToken(stepRun.id), { headers }, "?url=https://evil.example/&redirect=https://evil.example/");

    expect(response.headers.get("Location")).toBe(`${checkout.recoveryUrl}&${UTM}`);
  });

  it("rebuilds the cart of a checkout whose recovery URL was erased", async () => {
    const { stepRun } = await createSentMessage({ checkout: { email: null, recoveryUrl: null, redactedAt: new Date() } });

    const response = await follow(recoverToken(stepRun.id));

    expect(response.headers.get("Location")).toBe(`https://${TEST_SHOP}/cart/45902754185506:1,45902754218274:2?${UTM}`);
  });

  it("uses the enrollment's cart for a run that has not recorded the one it showed", async () => {
    const { checkout, stepRun } = await createSentMessage({ stepRun: { checkoutId: null } });

    const response = await follow(recoverToken(stepRun.id));

    expect(response.headers.get("Location")).toBe(`${checkout.recoveryUrl}&${UTM}`);
    expect(await db.activity.findFirstOrThrow()).toMatchObject({ checkoutId: checkout.id });
  });

  it("still redirects for a shop that uninstalled, but records nothing for it", async () => {
    const { checkout, stepRun } = await createSentMessage();
    await db.shop.update({ where: { domain: TEST_SHOP }, data: { status: "uninstalled", uninstalledAt: new Date() } });

    const response = await follow(recoverToken(stepRun.id));

    expect(response.headers.get("Location")).toBe(`${checkout.recoveryUrl}&${UTM}`);
    expect(await clicksRecorded()).toEqual({ activities: 0, clickedRuns: 0 });
  });

  it("answers 404 with a small page for a tampered token", async () => {
    const { stepRun } = await createSentMessage();
    const [payload, signature] = recoverToken(stepRun.id).split(".");

    const response = await follow(`${payload}.${signature!.split("").reverse().join("")}`);

    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toContain("This link doesn’t work");
    expect(await clicksRecorded()).toEqual({ activities: 0, clickedRuns: 0 });
  });

  it("answers 404 for an unsubscribe token and for a genuine token whose message does not exist", async () => {
    const { stepRun } = await createSentMessage();

    expect((await follow(signLinkToken("unsubscribe", stepRun.id, new Date()))).status).toBe(404);
    expect((await follow(recoverToken(stepRun.id + 1000))).status).toBe(404);
  });

  it("answers 404 once the shop and its data were deleted", async () => {
    const { stepRun } = await createSentMessage();
    const token = recoverToken(stepRun.id);
    await db.shop.delete({ where: { domain: TEST_SHOP } });

    expect((await follow(token)).status).toBe(404);
  });

  it("answers 410 after 30 days, with a page linking to the storefront, and records nothing", async () => {
    const { stepRun } = await createSentMessage();

    const response = await follow(recoverToken(stepRun.id, new Date(Date.now() - 30 * DAY - 1000)));

    expect(response.status).toBe(410);
    expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
    const page = await response.text();
    expect(page).toContain("This link has expired");
    expect(page).toContain(`<a href="https://${TEST_SHOP}/">Visit Test Shop</a>`);
    expect(await clicksRecorded()).toEqual({ activities: 0, clickedRuns: 0 });
  });

  describe("a message that offered a discount code", () => {
    const offerCode = async (stepRun: { id: number; enrollmentId: number }, checkoutId: number, overrides: { status?: string; endsAt?: Date } = {}) => {
      const code = discountCodeName(TEST_SHOP, stepRun.id);
      await db.discountCode.create({
        data: {
          shop: TEST_SHOP,
          stepRunId: stepRun.id,
          enrollmentId: stepRun.enrollmentId,
          checkoutId,
          code,
          shopifyDiscountId: "gid://shopify/DiscountCodeNode/1001",
          kind: "percentage",
          value: "15",
          endsAt: new Date(Date.now() + DAY),
          ...overrides,
        },
      });
      return code;
    };

    it("sends the code along, so Shopify applies it at checkout", async () => {
      const { checkout, stepRun } = await createSentMessage();
      const code = await offerCode(stepRun, checkout.id);

      const response = await follow(recoverToken(stepRun.id));

      expect(response.headers.get("Location")).toBe(`${checkout.recoveryUrl}&${UTM}&discount=${code}`);
    });

    it("sends it along to a rebuilt cart too", async () => {
      const { checkout, stepRun } = await createSentMessage({ checkout: { recoveryUrl: null } });
      const code = await offerCode(stepRun, checkout.id);

      const response = await follow(recoverToken(stepRun.id));

      expect(response.headers.get("Location")).toBe(`https://${TEST_SHOP}/cart/45902754185506:1,45902754218274:2?${UTM}&discount=${code}`);
    });

    it("leaves out a code the shopper can no longer use", async () => {
      const { checkout, stepRun } = await createSentMessage();
      await offerCode(stepRun, checkout.id, { status: "redeemed" });
      const expired = await createSentMessage({ checkout: { email: "bob@example.com" } });
      await offerCode(expired.stepRun, expired.checkout.id, { endsAt: new Date(Date.now() - 1000) });

      expect((await follow(recoverToken(stepRun.id))).headers.get("Location")).toBe(`${checkout.recoveryUrl}&${UTM}`);
      expect((await follow(recoverToken(expired.stepRun.id))).headers.get("Location")).toBe(`${expired.checkout.recoveryUrl}&${UTM}`);
    });
  });
});
