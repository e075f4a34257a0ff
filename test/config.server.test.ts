import { describe, expect, it } from "vitest";
import { DEFAULT_SCOPES, readConfig } from "~/config.server";

describe("readConfig", () => {
  it("documents a default for everything but the Shopify credentials", () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      sendgrid: { apiKey: null, apiUrl: "https://api.sendgrid.com", eventWebhookPublicKey: null },
      emailFrom: { email: null, name: null },
      cronSecret: null,
      sequencerSchedule: "* * * * *",
      shopifyApiKey: "unconfigured",
      shopifyCredentialsConfigured: false,
      appUrl: "http://localhost:3000",
      scopes: DEFAULT_SCOPES,
      customShopDomains: [],
      logLevel: "info",
    });
  });

  it("never falls back to a guessable secret: without one nothing Shopify signs can verify", () => {
    const first = readConfig({}).shopifyApiSecret;
    const second = readConfig({}).shopifyApiSecret;
    expect(first).toHaveLength(64);
    expect(first).not.toBe(second);
  });

  it("reads every variable it knows", () => {
    expect(
      readConfig({
        SHOPIFY_API_KEY: "key",
        SHOPIFY_API_SECRET: "secret",
        SHOPIFY_APP_URL: "https://comeback.example",
        SCOPES: "read_orders, write_discounts",
        SHOP_CUSTOM_DOMAIN: "shop.example.com",
        LOG_LEVEL: "debug",
        PORT: "8080",
        SENDGRID_API_KEY: "SG.key",
        SENDGRID_API_URL: "http://127.0.0.1:9999",
        SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY: "MFkw",
        EMAIL_FROM_ADDRESS: "hello@shop.example",
        EMAIL_FROM_NAME: "Shop",
        CRON_SECRET: "tick-secret",
        SEQUENCER_SCHEDULE: "off",
      }),
    ).toEqual({
      sendgrid: { apiKey: "SG.key", apiUrl: "http://127.0.0.1:9999", eventWebhookPublicKey: "MFkw" },
      emailFrom: { email: "hello@shop.example", name: "Shop" },
      cronSecret: "tick-secret",
      sequencerSchedule: null,
      shopifyApiKey: "key",
      shopifyApiSecret: "secret",
      shopifyCredentialsConfigured: true,
      appUrl: "https://comeback.example",
      scopes: ["read_orders", "write_discounts"],
      customShopDomains: ["shop.example.com"],
      logLevel: "debug",
    });
    expect(readConfig({ PORT: "8080" }).appUrl).toBe("http://localhost:8080");
  });

  it("fails fast on a log level it does not know", () => {
    expect(() => readConfig({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL/);
  });
});
