import { randomBytes } from "node:crypto";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { deliverWebhook } from "../doubles/shopify-webhook";
import { checkoutPayload } from "../factories/payloads";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";
import { withRawJsonAt } from "../support/json-paths";

beforeEach(async () => {
  await resetDatabase();
});

describe("checkouts/create webhook", () => {
  it("stores the checkout with Shopify's ids as strings and money as decimal strings", async () => {
    await createShop();
    const response = await deliverWebhook("checkouts/create", checkoutPayload());

    expect(response.status).toBe(200);
    const checkout = await db.checkout.findUniqueOrThrow({
      where: { shop_token: { shop: TEST_SHOP, token: "da4a9d115469c72cf166bfbe6c5313d1" } },
    });
    expect(checkout).toMatchObject({
      status: "open",
      shopifyId: "37112239489315",
      cartToken: "Z2NwLXVzLWNlbnRyYWwxOjAxSEdGRkRGQkZUQ0dXQ0gwRjJaWkFNTU1N",
      email: "ann@example.com",
      firstName: "Ann",
      lastName: "Lee",
      customerId: "7677484597543",
      locale: "en-US",
      countryCode: "US",
      acceptsEmailMarketing: true,
      emailConsentState: "subscribed",
      currency: "USD",
      subtotalPrice: "129.97",
      totalPrice: "137.77",
      totalTax: "7.80",
      totalPriceMinor: 13777n,
      shopifyCreatedAt: new Date("2026-11-20T15:42:16Z"),
      shopifyUpdatedAt: new Date("2026-11-20T15:44:02Z"),
      completedAt: null,
    });
    expect(checkout.recoveryUrl).toMatch(/^https:\/\/test-shop\.myshopify\.com\/.*\/recover\?key=/);
    expect(checkout.lineItems).toEqual([
      expect.objectContaining({ title: "Aviator sunglasses", variantTitle: "Gold", quantity: 1, price: "89.99", variantId: "45902754185506" }),
      expect.objectContaining({ title: "Canvas tote", variantTitle: null, quantity: 2, linePrice: "39.98", productId: "8448447545634" }),
    ]);
  });

  it("keeps an 18-digit id exactly, which a JS number cannot hold", async () => {
    await createShop();
    const raw = JSON.stringify(checkoutPayload()).replace('"id":37112239489315', '"id":981820079255243537');
    await deliverWebhook("checkouts/create", raw);

    const checkout = await db.checkout.findFirstOrThrow();
    expect(checkout.shopifyId).toBe("981820079255243537");
  });

  it("acknowledges a redelivery of the same webhook id without changing anything", async () => {
    await createShop();
    await deliverWebhook("checkouts/create", checkoutPayload(), { webhookId: "delivery-1" });
    await db.checkout.updateMany({ data: { email: "changed-since@example.com" } });

    const redelivery = await deliverWebhook("checkouts/create", checkoutPayload({ email: "other@example.com" }), {
      webhookId: "delivery-1",
    });

    expect(redelivery.status).toBe(200);
    const checkouts = await db.checkout.findMany();
    expect(checkouts).toHaveLength(1);
    expect(checkouts[0]?.email).toBe("changed-since@example.com");
  });

  it("rejects a forged signature with 401 and stores nothing", async () => {
    await createShop();
    const response = await deliverWebhook("checkouts/create", checkoutPayload(), { secret: "not-the-app-secret" });

    expect(response.status).toBe(401);
    expect(await db.checkout.count()).toBe(0);
    expect(await db.webhookReceipt.count()).toBe(0);
  });

  it("rejects a request without a signature with 401", async () => {
    await createShop();
    const response = await deliverWebhook("checkouts/create", checkoutPayload(), { unsigned: true });

    expect(response.status).toBe(401);
    expect(await db.checkout.count()).toBe(0);
  });

  it("logs a forged delivery's headers no longer than a genuine one's", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.stubEnv("LOG_LEVEL", "warn");

    const response = await deliverWebhook("checkouts/create", checkoutPayload(), { secret: "forged", headers: { "X-Shopify-Topic": "x".repeat(10_000) } });

    expect(response.status).toBe(401);
    const line = String(log.mock.calls.find(([entry]) => String(entry).includes("Rejected webhook"))?.[0]);
    expect(line).toContain("x".repeat(255));
    expect(line).not.toContain("x".repeat(256));
    vi.unstubAllEnvs();
    log.mockRestore();
  });

  it("rejects malformed JSON with 400, a clear log line, and no write", async () => {
    await createShop();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.stubEnv("LOG_LEVEL", "warn");

    const response = await deliverWebhook("checkouts/create", '{"token": "abc", "line_items": [');

    expect(response.status).toBe(400);
    expect(await db.checkout.count()).toBe(0);
    expect(await db.webhookReceipt.count()).toBe(0);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("Webhook body is not valid JSON"));
    vi.unstubAllEnvs();
    log.mockRestore();
  });

  it("rejects a payload missing required fields with 400 naming them, and writes nothing", async () => {
    await createShop();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.stubEnv("LOG_LEVEL", "warn");
    const { token: _token, ...withoutToken } = checkoutPayload();

    const response = await deliverWebhook("checkouts/create", { ...withoutToken, total_price: 137.77 });

    expect(response.status).toBe(400);
    expect(await db.checkout.count()).toBe(0);
    expect(await db.webhookReceipt.count()).toBe(0);
    const line = String(log.mock.calls[0]?.[0]);
    expect(line).toContain("missing or has malformed required fields");
    expect(line).toContain("token:");
    expect(line).toContain("total_price:");
    vi.unstubAllEnvs();
    log.mockRestore();
  });

  // Each of these used to fail inside the write and answer 500, so Shopify would retry it for days.
  it.each([
    ["an amount past a 64-bit column's reach", "total_price", '"99999999999999999999999.99"'],
    ["the last time JavaScript can count, plus the abandonment delay", "updated_at", '"+275760-09-13T00:00:00Z"'],
    ["a time before year 0", "created_at", '"-000100-01-01T00:00:00Z"'],
    ["JSON nested 20,000 deep", "note_attributes", "[".repeat(20_000) + "]".repeat(20_000)],
  ])("refuses %s with 400 and writes nothing", async (_, field, rawJson) => {
    await createShop();
    const response = await deliverWebhook("checkouts/create", withRawJsonAt(checkoutPayload(), [field], rawJson));

    expect(response.status).toBe(400);
    expect(await db.checkout.count()).toBe(0);
    expect(await db.webhookReceipt.count()).toBe(0);
  });

  it("stores text with characters no database column takes (a broken surrogate pair, NUL) replaced, rather than fail", async () => {
    await createShop();
    const raw = JSON.stringify(checkoutPayload())
      .replaceAll('"first_name":"Ann"', '"first_name":"Ann\\ud83d"')
      .replaceAll('"last_name":"Lee"', '"last_name":"L\\u0000ee"');
    const response = await deliverWebhook("checkouts/create", raw);

    expect(response.status).toBe(200);
    expect(await db.checkout.findFirstOrThrow()).toMatchObject({ firstName: "Ann\uFFFD", lastName: "L\uFFFDee" });
  });

  it("refuses a webhook id or shop domain longer than Shopify's with 400, before PostgreSQL's receipt index fails on it", async () => {
    await createShop();
    const longWebhookId = await deliverWebhook("checkouts/create", checkoutPayload(), { webhookId: randomBytes(4_000).toString("base64") });
    const longShop = await deliverWebhook("checkouts/create", checkoutPayload(), { shop: `${"a".repeat(250)}.myshopify.com` });

    expect([longWebhookId.status, longShop.status]).toEqual([400, 400]);
    expect(await db.webhookReceipt.count()).toBe(0);
  });

  it("acknowledges a webhook for an unknown shop without storing personal data", async () => {
    const response = await deliverWebhook("checkouts/create", checkoutPayload(), { shop: "stranger.myshopify.com" });

    expect(response.status).toBe(200);
    expect(await db.checkout.count()).toBe(0);
  });

  it("acknowledges a webhook for an uninstalled shop without storing it", async () => {
    await createShop({ status: "uninstalled", uninstalledAt: new Date() });
    const response = await deliverWebhook("checkouts/create", checkoutPayload());

    expect(response.status).toBe(200);
    expect(await db.checkout.count()).toBe(0);
  });

  it("refuses a delivery whose topic header names another topic", async () => {
    await createShop();
    const response = await deliverWebhook("checkouts/create", checkoutPayload(), { topicHeader: "orders/create" });

    expect(response.status).toBe(400);
    expect(await db.checkout.count()).toBe(0);
  });

  it("refuses a shop header that is not a myshopify.com domain", async () => {
    const response = await deliverWebhook("checkouts/create", checkoutPayload(), { shop: "evil.example.com" });
    expect(response.status).toBe(400);
  });

  it("accepts Shopify's empty-array address and a guest checkout without a customer", async () => {
    await createShop();
    const response = await deliverWebhook(
      "checkouts/create",
      checkoutPayload({ shipping_address: [], billing_address: null, customer: null, email: "Guest@Example.com" }),
    );

    expect(response.status).toBe(200);
    const checkout = await db.checkout.findFirstOrThrow();
    expect(checkout).toMatchObject({ email: "guest@example.com", customerId: null, countryCode: null, firstName: null });
  });
});
