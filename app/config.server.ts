import { hkdfSync, randomBytes } from "node:crypto";
import { isLogLevel, type LogLevel } from "./lib/log-level";

export const DEFAULT_SCOPES = ["read_orders", "write_discounts", "write_app_proxy"];

export interface AppConfig {
  sendgrid: {
    apiKey: string | null;
    apiUrl: string;
    /** The Event Webhook's verification key (base64 DER); without it every event post is refused. */
    eventWebhookPublicKey: string | null;
  };
  /** App-wide sender, used where a shop has not set its own. */
  emailFrom: { email: string | null; name: string | null };
  /** Bearer secret of POST /cron/tick; the route is closed without it. */
  cronSecret: string | null;
  /** Cron expression of the in-process sequencer, or null when an external scheduler calls /cron/tick. */
  sequencerSchedule: string | null;
  webhooks: {
    /** Development only: lets destinations point at loopback and private addresses (a local receiver). */
    allowPrivateNetworks: boolean;
    /** Addresses a destination may use even though they are private, e.g. an on-premises CRM. */
    allowedAddresses: string[];
  };
  /** 32 bytes that encrypt stored secrets (destination headers and signing secrets). */
  encryptionKey: Buffer;
  shopifyApiKey: string;
  shopifyApiSecret: string;
  /** False when SHOPIFY_API_SECRET is unset: the app then signs with a random secret and rejects everything Shopify sends. */
  shopifyCredentialsConfigured: boolean;
  appUrl: string;
  scopes: string[];
  customShopDomains: string[];
  logLevel: LogLevel;
}

/** Reads the environment once, with the defaults documented in the README. */
export function readConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const secret = env.SHOPIFY_API_SECRET?.trim();
  const logLevel = env.LOG_LEVEL?.trim() || "info";
  if (!isLogLevel(logLevel)) throw new Error(`LOG_LEVEL must be debug, info, warn, error or silent, not "${logLevel}"`);
  const schedule = env.SEQUENCER_SCHEDULE?.trim() || "* * * * *";
  const shopifyApiSecret = secret || randomBytes(32).toString("hex");
  return {
    sendgrid: {
      apiKey: env.SENDGRID_API_KEY?.trim() || null,
      apiUrl: env.SENDGRID_API_URL?.trim() || "https://api.sendgrid.com",
      eventWebhookPublicKey: env.SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY?.trim() || null,
    },
    emailFrom: { email: env.EMAIL_FROM_ADDRESS?.trim() || null, name: env.EMAIL_FROM_NAME?.trim() || null },
    cronSecret: env.CRON_SECRET?.trim() || null,
    sequencerSchedule: schedule === "off" ? null : schedule,
    webhooks: {
      allowPrivateNetworks: env.NODE_ENV === "development" || env.WEBHOOK_ALLOW_PRIVATE_NETWORKS === "true",
      allowedAddresses: list(env.WEBHOOK_ALLOWED_ADDRESSES) ?? [],
    },
    encryptionKey: encryptionKey(env.ENCRYPTION_KEY, shopifyApiSecret),
    shopifyApiKey: env.SHOPIFY_API_KEY?.trim() || "unconfigured",
    shopifyApiSecret,
    shopifyCredentialsConfigured: Boolean(secret),
    appUrl: env.SHOPIFY_APP_URL?.trim() || `http://localhost:${env.PORT || 3000}`,
    scopes: list(env.SCOPES) ?? DEFAULT_SCOPES,
    customShopDomains: list(env.SHOP_CUSTOM_DOMAIN) ?? [],
    logLevel,
  };
}

/**
 * ENCRYPTION_KEY (32 bytes, base64 or hex), else a key derived from the app secret: rotating that
 * secret then makes stored secrets unreadable, so production sets ENCRYPTION_KEY.
 */
function encryptionKey(configured: string | undefined, appSecret: string): Buffer {
  const value = configured?.trim();
  if (!value) return Buffer.from(hkdfSync("sha256", appSecret, "", "comeback secret encryption v1", 32));
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes, as 64 hex characters or base64");
  return key;
}

function list(value: string | undefined): string[] | undefined {
  const items = value?.split(",").map((item) => item.trim()).filter(Boolean);
  return items?.length ? items : undefined;
}

export const config = readConfig();
