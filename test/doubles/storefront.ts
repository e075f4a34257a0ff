import { readFileSync } from "node:fs";
import path from "node:path";
import { Liquid } from "liquidjs";
import { signAppProxyUrl, PROXY_PATH_PREFIX } from "./shopify-app-proxy";
import { startLocalServer, type LocalServer } from "./http-server";

const EXTENSION = path.resolve("extensions/recovery-banner");
const read = (file: string) => readFileSync(path.join(EXTENSION, file), "utf8");
const MIME: Record<string, string> = { ".js": "text/javascript", ".css": "text/css" };

export interface StorefrontOptions {
  shop: string;
  appOrigin: string;
  /** What /cart.js answers: Shopify's cart token (with its "?key=…" suffix) and how many items. */
  cart: { token: string; itemCount: number };
  locale?: "en" | "ko";
}

/**
 * A storefront page standing in for the merchant's theme with the app embed turned on: the block's own
 * Liquid rendered with its schema defaults and locale strings, its assets as Shopify would load them,
 * a /cart.js, and /apps/comeback/* forwarded to the app the way Shopify's app proxy does, signed.
 */
export async function startStorefront({ shop, appOrigin, cart, locale = "en" }: StorefrontOptions): Promise<LocalServer> {
  const page = await renderPage(locale);
  return startLocalServer(async (request, body, response) => {
    const url = new URL(request.url ?? "/", "http://storefront.local");
    if (url.pathname === "/") return void response.writeHead(200, { "Content-Type": "text/html" }).end(page);
    if (url.pathname.startsWith("/cdn/")) {
      const file = path.basename(url.pathname);
      return void response.writeHead(200, { "Content-Type": MIME[path.extname(file)] ?? "text/plain" }).end(read(`assets/${file}`));
    }
    if (url.pathname === "/cart.js") {
      return void response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ token: cart.token, item_count: cart.itemCount, items: [], currency: "USD" }));
    }
    if (url.pathname.startsWith(PROXY_PATH_PREFIX)) {
      const target = signAppProxyUrl(new URL(`${appOrigin}/proxy${url.pathname.slice(PROXY_PATH_PREFIX.length)}${url.search}`), { shop });
      const forwarded = await fetch(target, {
        method: request.method,
        headers: { "Content-Type": String(request.headers["content-type"] ?? "text/plain") },
        ...(request.method === "POST" && { body }),
      });
      return void response.writeHead(forwarded.status, { "Content-Type": forwarded.headers.get("content-type") ?? "text/plain" }).end(await forwarded.text());
    }
    response.writeHead(404).end();
  });
}

async function renderPage(locale: "en" | "ko"): Promise<string> {
  const source = read("blocks/recovery-banner.liquid");
  const schema = JSON.parse(/\{% schema %\}([\s\S]*)\{% endschema %\}/.exec(source)![1]!) as { settings: { id: string; default?: unknown }[] };
  const strings = JSON.parse(read(locale === "ko" ? "locales/ko.json" : "locales/en.default.json")) as Record<string, Record<string, string>>;
  const liquid = new Liquid();
  liquid.registerFilter("t", (key: string) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], strings) ?? key);
  liquid.registerFilter("asset_url", (file: string) => `/cdn/${file}`);
  const markup = await liquid.parseAndRender(source.replace(/\{% schema %\}[\s\S]*\{% endschema %\}/, ""), {
    block: { settings: Object.fromEntries(schema.settings.map((setting) => [setting.id, setting.default ?? ""])) },
    routes: { cart_url: "/cart", root_url: "/" },
  });
  return `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><title>Test Shop</title>
<link rel="stylesheet" href="/cdn/recovery-banner.css"></head>
<body style="font-family: sans-serif; margin: 2rem"><h1>Test Shop</h1><p>Autumn collection</p>
${markup}<script src="/cdn/recovery-banner.js" defer></script></body></html>`;
}
