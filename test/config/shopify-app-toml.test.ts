import { existsSync, readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCOPES } from "~/config.server";
import { API_VERSION } from "~/shopify.server";

interface Subscription {
  topics?: string[];
  compliance_topics?: string[];
  uri: string;
}

const toml = parse(readFileSync("shopify.app.toml", "utf8")) as unknown as {
  embedded: boolean;
  access_scopes: { scopes: string };
  webhooks: { api_version: string; subscriptions: Subscription[] };
  app_proxy: { url: string; subpath: string; prefix: string };
};

const webToml = parse(readFileSync("shopify.web.toml", "utf8")) as unknown as { commands: { dev: string } };
const packageJson = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };

const REQUIRED_TOPICS = ["checkouts/create", "checkouts/update", "orders/create", "app/uninstalled"];
const COMPLIANCE_TOPICS = ["customers/data_request", "customers/redact", "shop/redact"];

describe("shopify.app.toml", () => {
  it("declares an embedded app with the scopes the code asks for", () => {
    expect(toml.embedded).toBe(true);
    expect(toml.access_scopes.scopes.split(",")).toEqual(DEFAULT_SCOPES);
  });

  it("serializes webhooks with the API version the code uses", () => {
    expect(toml.webhooks.api_version).toBe(API_VERSION);
  });

  it("subscribes to every topic Comeback handles, including the mandatory compliance topics", () => {
    const subscriptions = toml.webhooks.subscriptions;
    expect(subscriptions.flatMap((subscription) => subscription.topics ?? [])).toEqual(REQUIRED_TOPICS);
    expect(subscriptions.flatMap((subscription) => subscription.compliance_topics ?? [])).toEqual(COMPLIANCE_TOPICS);
  });

  it("sends each topic to the route file that handles it", () => {
    for (const subscription of toml.webhooks.subscriptions) {
      const [topic] = [...(subscription.topics ?? []), ...(subscription.compliance_topics ?? [])];
      expect(subscription.uri).toBe(`/webhooks/${topic}`);
      expect(existsSync(`app/routes/${subscription.uri.slice(1).replaceAll("/", ".")}.tsx`)).toBe(true);
    }
  });

  it("proxies the storefront banner's /apps/comeback path to the banner routes, with the scope it needs", () => {
    expect(toml.access_scopes.scopes.split(",")).toContain("write_app_proxy");
    expect(`/${toml.app_proxy.prefix}/${toml.app_proxy.subpath}`).toBe("/apps/comeback");
    expect(new URL(toml.app_proxy.url).pathname).toBe("/proxy");
    expect(existsSync("app/routes/proxy.banner.tsx")).toBe(true);
    expect(readFileSync("extensions/recovery-banner/blocks/recovery-banner.liquid", "utf8")).toContain(
      `append: '${toml.app_proxy.prefix}/${toml.app_proxy.subpath}'`,
    );
  });
});

describe("shopify.web.toml", () => {
  it("applies migrations as `npm start` does, which works on PostgreSQL too (`prisma migrate deploy` does not)", () => {
    const [startMigrations] = packageJson.scripts.start!.split(" && ");
    expect(startMigrations).toBe("npm run setup");
    expect(webToml.commands.dev.split(" && ")).toEqual([startMigrations, "npx remix vite:dev"]);
  });
});
