import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { config } from "./config.server";
import { db } from "./db/client.server";
import { ResilientSessionStorage } from "./db/session-storage.server";
import { logger } from "./lib/logger.server";
import type { LogLevel } from "./lib/log-level";
import { graphqlAdmin } from "./shopify-admin/graphql-admin.server";
import { completeInstall } from "./shops/install.server";

/** The one Admin API version; shopify.app.toml's [webhooks] api_version must match it. */
export const API_VERSION = ApiVersion.October26;

const SEVERITY: Record<LogLevel, LogSeverity> = {
  debug: LogSeverity.Debug,
  info: LogSeverity.Info,
  warn: LogSeverity.Warning,
  error: LogSeverity.Error,
  silent: LogSeverity.Error,
};

if (!config.shopifyCredentialsConfigured) {
  logger.warn("SHOPIFY_API_SECRET is not set: every webhook and admin request will be rejected until it is");
}

const shopify = shopifyApp({
  apiKey: config.shopifyApiKey,
  apiSecretKey: config.shopifyApiSecret,
  apiVersion: API_VERSION,
  scopes: config.scopes,
  appUrl: config.appUrl,
  authPathPrefix: "/auth",
  sessionStorage: new ResilientSessionStorage(db),
  distribution: AppDistribution.AppStore,
  future: { unstable_newEmbeddedAuthStrategy: true },
  logger: {
    level: SEVERITY[config.logLevel],
    log: (severity, message) => (severity <= LogSeverity.Warning ? logger.warn(message) : logger.debug(message)),
  },
  hooks: {
    afterAuth: ({ session, admin }) => completeInstall(db, session.shop, graphqlAdmin(admin.graphql)),
  },
  ...(config.customShopDomains.length && { customShopDomains: config.customShopDomains }),
});

export default shopify;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const sessionStorage = shopify.sessionStorage;
