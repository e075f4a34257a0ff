import { APP_URL, TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { BROWSER_USER_AGENT, sessionToken } from "../doubles/shopify-session";

/**
 * A request from the embedded admin's own JavaScript, as App Bridge sends it: the session token as a
 * bearer, and the body as JSON (what `useSubmit(…, { encType: "application/json" })` posts).
 */
export async function embeddedFetchRequest(path: string, body: unknown, { shop = TEST_SHOP }: { shop?: string } = {}): Promise<Request> {
  return new Request(new URL(path, APP_URL), {
    method: "POST",
    headers: {
      Authorization: `Bearer ${await sessionToken({ shop })}`,
      "Content-Type": "application/json",
      "User-Agent": BROWSER_USER_AGENT,
    },
    body: JSON.stringify(body),
  });
}
