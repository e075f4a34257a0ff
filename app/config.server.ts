import { randomBytes } from "node:crypto";
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
  return {
    sendgrid: {
      apiKey: env.SENDGRID_API_KEY?.trim() || null,
      apiUrl: env.SENDGRID_API_URL?.trim() || "https://api.sendgrid.com",
      eventWebhookPublicKey: env.SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY?.trim() || null,
    },
    emailFrom: { email: env.EMAIL_FROM_ADDRESS?.trim() || null, name: env.EMAIL_FROM_NAME?.trim() || null },
    cronSecret: env.CRON_SECRET?.trim() || null,
    sequencerSchedule: schedule === "off" ? null : schedule,
    shopifyApiKey: env.SHOPIFY_API_KEY?.trim() || "unconfigured",
    shopifyApiSecret: secret || randomBytes(32).toString("hex"),
    shopifyCredentialsConfigured: Boolean(secret),
    appUrl: env.SHOPIFY_APP_URL?.trim() || `http://localhost:${env.PORT || 3000}`,
    scopes: list(env.SCOPES) ?? DEFAULT_SCOPES,
    customShopDomains: list(env.SHOP_CUSTOM_DOMAIN) ?? [],
    logLevel,
  };
}

function list(value: string | undefined): string[] | undefined {
  const items = value?.split(",").map((item) => item.trim()).filter(Boolean);
  return items?.length ? items : undefined;
}

export const config = readConfig();
