import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyDelivery } from "~/webhooks/verify-delivery.server";

const SECRET = "app-secret";
const BODY = Buffer.from('{"token":"abc","note":"Zoë"}');
const sign = (body: Uint8Array, secret = SECRET) => createHmac("sha256", secret).update(body).digest("base64");

function headers(overrides: Record<string, string | null> = {}, body: Uint8Array = BODY) {
  const all = new Headers({
    "X-Shopify-Hmac-Sha256": sign(body),
    "X-Shopify-Topic": "checkouts/update",
    "X-Shopify-Shop-Domain": "test-shop.myshopify.com",
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Webhook-Id": "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
  });
  for (const [name, value] of Object.entries(overrides)) {
    if (value === null) all.delete(name);
    else all.set(name, value);
  }
  return all;
}

describe("verifyDelivery", () => {
  it("accepts Shopify's signature of the body and names the shop, the stored topic and the webhook id", () => {
    expect(verifyDelivery(headers(), BODY, SECRET)).toEqual({
      shop: "test-shop.myshopify.com",
      topic: "CHECKOUTS_UPDATE",
      webhookId: "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043",
    });
  });

  it("checks the signature over the bytes as sent, so a body that is not UTF-8 is verified, to be refused for its content", () => {
    const latin1 = Buffer.from('{"note":"Zoë"}', "latin1");

    expect(verifyDelivery(headers({}, latin1), latin1, SECRET)).toMatchObject({ topic: "CHECKOUTS_UPDATE" });
  });

  it.each([
    ["no signature", headers({ "X-Shopify-Hmac-Sha256": null }), BODY, { status: 401, message: "Missing X-Shopify-Hmac-Sha256" }],
    ["another secret's signature", headers({ "X-Shopify-Hmac-Sha256": sign(BODY, "forged") }), BODY, { status: 401 }],
    ["a body changed after signing", headers(), Buffer.from('{"token":"abd","note":"Zoë"}'), { status: 401 }],
    ["a signature that is not base64 of a digest", headers({ "X-Shopify-Hmac-Sha256": "not a signature" }), BODY, { status: 401 }],
    ["a wrong Events signature beside a right one", headers({ "Shopify-Hmac-Sha256": sign(BODY, "forged") }), BODY, { status: 401 }],
    ["missing headers", headers({ "X-Shopify-Topic": null, "X-Shopify-Webhook-Id": null }), BODY, { status: 400, message: "Missing X-Shopify-Topic, X-Shopify-Webhook-Id" }],
    ["a shop that is not a shop domain", headers({ "X-Shopify-Shop-Domain": "evil.example.com" }), BODY, { status: 400, message: "X-Shopify-Shop-Domain is not a shop domain" }],
  ])("refuses %s", (_case, given, body, refusal) => {
    expect(verifyDelivery(given, body, SECRET)).toMatchObject(refusal);
  });
});
