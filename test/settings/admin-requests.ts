import { APP_URL, TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { BROWSER_USER_AGENT, embeddedDocumentRequest, sessionToken } from "../doubles/shopify-session";

/** What a settings loader or action answered, whether it returned data, data with a status, or threw a Response. */
export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

type RouteArgs = { request: Request; params: Record<string, string>; context: Record<string, never> };

/** Calls a route's loader or action the way Remix does, and reads its answer however it was given. */
export async function answer(handler: (args: RouteArgs) => Promise<unknown>, request: Request, params: Record<string, string> = {}): Promise<Answer> {
  try {
    return await read(await handler({ request, params, context: {} }));
  } catch (thrown) {
    if (thrown instanceof Response) return read(thrown);
    throw thrown;
  }
}

async function read(result: unknown): Promise<Answer> {
  if (result instanceof Response) return { status: result.status, body: await result.text(), headers: result.headers };
  if (typeof result === "object" && result !== null && "type" in result && result.type === "DataWithResponseInit") {
    const { data, init } = result as unknown as { data: unknown; init: ResponseInit | null };
    return { status: init?.status ?? 200, body: data, headers: new Headers(init?.headers) };
  }
  return { status: 200, body: result, headers: new Headers() };
}

/** The document request the admin makes for a page of the app, with a session token of `shop`. */
export function pageRequest(path: string, shop = TEST_SHOP): Promise<Request> {
  return embeddedDocumentRequest(path, { shop });
}

/** A page's own POST, as App Bridge sends it: the session token as a bearer, the body as useSubmit encodes it. */
export async function postRequest(path: string, body: { json: unknown } | { form: Record<string, string> }, shop = TEST_SHOP): Promise<Request> {
  const headers = new Headers({ Authorization: `Bearer ${await sessionToken({ shop })}`, "User-Agent": BROWSER_USER_AGENT });
  if ("json" in body) headers.set("Content-Type", "application/json");
  const encoded = "json" in body ? JSON.stringify(body.json) : new URLSearchParams(body.form);
  return new Request(new URL(path, APP_URL), { method: "POST", headers, body: encoded });
}
