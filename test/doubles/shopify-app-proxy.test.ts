import { describe, expect, it } from "vitest";
import { appProxySignature } from "./shopify-app-proxy";

describe("the app proxy signature double", () => {
  it("matches Shopify's documented example", () => {
    const params = new URLSearchParams("extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1&path_prefix=/apps/awesome_reviews&timestamp=1317327555");
    expect(appProxySignature(params, "hush")).toBe("4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb");
  });
});
