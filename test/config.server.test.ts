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
      webhooks: { allowPrivateNetworks: false, allowedAddresses: [] },
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
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
        WEBHOOK_ALLOWED_ADDRESSES: "10.0.0.7",
        ENCRYPTION_KEY: "ab".repeat(32),
      }),
    ).toEqual({
      webhooks: { allowPrivateNetworks: true, allowedAddresses: ["10.0.0.7"] },
      encryptionKey: Buffer.from("ab".repeat(32), "hex"),
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

  it("derives an encryption key from the app secret when ENCRYPTION_KEY is unset, and refuses a key of the wrong size", () => {
    expect(readConfig({ SHOPIFY_API_SECRET: "s" }).encryptionKey).toEqual(readConfig({ SHOPIFY_API_SECRET: "s" }).encryptionKey);
    expect(readConfig({ SHOPIFY_API_SECRET: "s" }).encryptionKey).toHaveLength(32);
    expect(() => readConfig({ ENCRYPTION_KEY: "too-short" })).toThrow(/ENCRYPTION_KEY/);
  });

  it("lets development mode reach private webhook destinations", () => {
    expect(readConfig({ NODE_ENV: "development" }).webhooks.allowPrivateNetworks).toBe(true);
  });

  it("fails fast on a log level it does not know", () => {
    expect(() => readConfig({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL/);
  });
});
