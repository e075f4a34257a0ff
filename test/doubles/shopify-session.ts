import { API_KEY, API_SECRET_KEY, APP_URL, TEST_SHOP, getJwt } from "@shopify/shopify-api/test-helpers";

/** Shopify's library answers what it takes for bots with 410 Gone, so tests present a real browser. */
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

export interface SessionTokenOptions {
  shop?: string;
  /** Signs with another secret, as a forger would. */
  secret?: string;
}

/** A session token as App Bridge issues it: an HS256 JWT signed with the app secret. */
export async function sessionToken({ shop = TEST_SHOP, secret = API_SECRET_KEY }: SessionTokenOptions = {}): Promise<string> {
  return (await getJwt(shop.replace(/\.myshopify\.com$/, ""), API_KEY, secret)).token;
}

/** The document request Shopify's admin makes when it loads the app in its iframe. */
export async function embeddedDocumentRequest(path: string, options: SessionTokenOptions = {}): Promise<Request> {
  const shop = options.shop ?? TEST_SHOP;
  const url = new URL(path, APP_URL);
  url.searchParams.set("embedded", "1");
  url.searchParams.set("shop", shop);
  url.searchParams.set("host", Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64"));
  url.searchParams.set("id_token", await sessionToken(options));
  return new Request(url, { headers: { "User-Agent": BROWSER_USER_AGENT } });
}
