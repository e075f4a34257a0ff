import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { API_KEY, API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { routeToLocalServer } from "../support/network";
import { sendJson, startLocalServer } from "./http-server";

type GraphqlAnswer = { data?: unknown; errors?: unknown };
type OperationHandler = (variables: Record<string, unknown>, shop: string) => GraphqlAnswer;

export interface FakeShopify {
  /** Every call the app made, in order. */
  calls: { shop: string; path: string; operation?: string; variables?: Record<string, unknown> }[];
  /** Answers per GraphQL operation name; tests add or replace entries. */
  operations: Record<string, OperationHandler>;
  /** Scopes granted by token exchange. */
  grantedScopes: string[];
  close(): Promise<void>;
}

export const DEFAULT_SHOP_PROFILE = { name: "Test Shop", ianaTimezone: "America/New_York", currencyCode: "USD" };

/**
 * A local stand-in for the parts of Shopify the app calls, speaking the same protocol: token exchange
 * at /admin/oauth/access_token (checking the client secret and the session token's signature) and
 * Admin GraphQL at /admin/api/{version}/graphql.json (checking the access token it issued).
 * Requests to any *.myshopify.com host are routed here while it runs.
 */
export async function startFakeShopify({ scopes }: { scopes: string[] }): Promise<FakeShopify> {
  const issuedTokens = new Map<string, string>();
  const fake: FakeShopify = {
    calls: [],
    grantedScopes: scopes,
    operations: { ShopProfile: () => ({ data: { shop: DEFAULT_SHOP_PROFILE } }) },
    close: async () => {},
  };

  const server = await startLocalServer((request, body, response) => {
    const shop = String(request.headers["x-forwarded-host"]);
    const path = request.url ?? "";
    if (request.method === "POST" && path === "/admin/oauth/access_token") {
      fake.calls.push({ shop, path });
      const grant = JSON.parse(body) as Record<string, string>;
      if (grant.client_id !== API_KEY || grant.client_secret !== API_SECRET_KEY) {
        return sendJson(response, 401, { error: "invalid_client" });
      }
      if (!sessionTokenIsValid(grant.subject_token ?? "", shop)) {
        return sendJson(response, 400, { error: "invalid_subject_token" });
      }
      const accessToken = `shpat_${randomBytes(16).toString("hex")}`;
      issuedTokens.set(accessToken, shop);
      return sendJson(response, 200, { access_token: accessToken, scope: fake.grantedScopes.join(",") });
    }
    if (request.method === "POST" && /^\/admin\/api\/[\w-]+\/graphql\.json$/.test(path)) {
      const token = String(request.headers["x-shopify-access-token"] ?? "");
      if (issuedTokens.get(token) !== shop) {
        return sendJson(response, 401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
      }
      const { query, variables = {} } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
      const operation = /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "";
      fake.calls.push({ shop, path, operation, variables });
      const answer = fake.operations[operation];
      if (!answer) return sendJson(response, 200, { errors: [{ message: `Unknown operation ${operation}` }] });
      return sendJson(response, 200, answer(variables, shop));
    }
    response.writeHead(404).end();
  });

  const unroute = routeToLocalServer((url) => url.hostname.endsWith(".myshopify.com"), server.origin);
  fake.close = async () => {
    unroute();
    await server.close();
  };
  return fake;
}

function sessionTokenIsValid(token: string, shop: string): boolean {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return false;
  const expected = createHmac("sha256", API_SECRET_KEY).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as { dest?: string };
  return claims.dest === `https://${shop}`;
}
