import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { ServerResponse } from "node:http";
import { API_KEY, API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { routeToLocalServer } from "../support/network";
import { sendJson, startLocalServer } from "./http-server";

type GraphqlAnswer = { data?: unknown; errors?: unknown };
type OperationHandler = (variables: Record<string, unknown>, shop: string) => GraphqlAnswer;

export interface DiscountUserError {
  field: string[] | null;
  code: string;
  message: string;
}

/** A code discount the app created, as Shopify keeps it. */
export interface FakeDiscount {
  id: string;
  shop: string;
  /** The DiscountCodeBasicInput exactly as the app sent it. */
  input: Record<string, unknown>;
  status: "ACTIVE" | "EXPIRED";
}

/** A condition Shopify can be in, answered to the next GraphQL request instead of the normal handling. */
export type ScriptedFailure =
  /** HTTP 200 with the mutation's payload holding these userErrors and no discount. */
  | { kind: "user_errors"; userErrors: DiscountUserError[] }
  /** HTTP 200 with a THROTTLED error, as the GraphQL cost limiter answers. */
  | { kind: "throttled" }
  /** HTTP 429; `retryAfter` (seconds) is sent as the Retry-After header. */
  | { kind: "rate_limited"; retryAfter?: string }
  | { kind: "server_error"; status: 500 | 502 | 503 }
  /** The connection drops without an answer. */
  | { kind: "disconnect" }
  /** Shopify does the work, then the connection drops before the answer arrives. */
  | { kind: "answer_lost" };

export interface FakeShopify {
  /** Every call the app made, in order; `field` is the GraphQL root field. */
  calls: { shop: string; path: string; operation?: string; field?: string; variables?: Record<string, unknown> }[];
  /** Answers per GraphQL operation name; tests add or replace entries. They take precedence over the discount API. */
  operations: Record<string, OperationHandler>;
  /** Scopes granted by token exchange. */
  grantedScopes: string[];
  /** Code discounts created, across shops, oldest first. */
  discounts: FakeDiscount[];
  /** Accepts a token as the shop's, as for an offline session a test stored without token exchange. */
  acceptAccessToken(shop: string, token: string): void;
  /** Queues conditions for the next GraphQL requests, one each, in order. */
  failNext(...failures: ScriptedFailure[]): void;
  /** Forgets calls, discounts, queued failures, replaced operations and accepted tokens, as resetDatabase forgets sessions. */
  reset(): void;
  close(): Promise<void>;
}

export const DEFAULT_SHOP_PROFILE = { name: "Test Shop", ianaTimezone: "America/New_York", currencyCode: "USD" };

interface GraphqlRequest {
  shop: string;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * A local stand-in for the parts of Shopify the app calls, speaking the same protocol: token exchange
 * at /admin/oauth/access_token (checking the client secret and the session token's signature) and
 * Admin GraphQL at /admin/api/{version}/graphql.json (checking the access token it issued), including
 * the code-discount API with Shopify's validation. Requests to any *.myshopify.com host are routed
 * here while it runs.
 */
export async function startFakeShopify({ scopes }: { scopes: string[] }): Promise<FakeShopify> {
  const acceptedTokens = new Set<string>();
  const scripted: ScriptedFailure[] = [];
  const fake: FakeShopify = {
    calls: [],
    grantedScopes: scopes,
    operations: defaultOperations(),
    discounts: [],
    acceptAccessToken: (shop, token) => void acceptedTokens.add(tokenKey(shop, token)),
    failNext: (...failures) => void scripted.push(...failures),
    reset() {
      fake.calls.length = 0;
      fake.discounts.length = 0;
      scripted.length = 0;
      fake.operations = defaultOperations();
      acceptedTokens.clear();
    },
    close: async () => {},
  };
  const discountApi = codeDiscountApi(fake.discounts);

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
      fake.acceptAccessToken(shop, accessToken);
      return sendJson(response, 200, { access_token: accessToken, scope: fake.grantedScopes.join(",") });
    }
    if (request.method === "POST" && /^\/admin\/api\/[\w-]+\/graphql\.json$/.test(path)) {
      const token = String(request.headers["x-shopify-access-token"] ?? "");
      if (!acceptedTokens.has(tokenKey(shop, token))) {
        return sendJson(response, 401, { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
      }
      const { query, variables = {} } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
      const operation = /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "";
      const field = /^[^{]*\{\s*(\w+)/.exec(query)?.[1] ?? "";
      fake.calls.push({ shop, path, operation, field, variables });
      const failure = scripted.shift();
      if (failure && failure.kind !== "answer_lost") return answerScripted(response, failure, field);
      const byName = fake.operations[operation];
      const byField = discountApi[field];
      const answer = byName?.(variables, shop) ?? byField?.({ shop, query, variables }) ?? { errors: [{ message: `Unknown operation ${operation}` }] };
      if (failure) return void response.socket?.destroy();
      return sendJson(response, 200, answer);
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

function defaultOperations(): Record<string, OperationHandler> {
  return { ShopProfile: () => ({ data: { shop: DEFAULT_SHOP_PROFILE } }) };
}

function tokenKey(shop: string, token: string): string {
  return `${shop} ${token}`;
}

function answerScripted(response: ServerResponse, failure: Exclude<ScriptedFailure, { kind: "answer_lost" }>, field: string): void {
  switch (failure.kind) {
    case "user_errors":
      return sendJson(response, 200, { data: { [field]: { codeDiscountNode: null, userErrors: failure.userErrors } } });
    case "throttled":
      return sendJson(response, 200, {
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
        extensions: { cost: { requestedQueryCost: 10, throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 } } },
      });
    case "rate_limited":
      if (failure.retryAfter !== undefined) response.setHeader("Retry-After", failure.retryAfter);
      return sendJson(response, 429, { errors: "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." });
    case "server_error":
      return sendJson(response, failure.status, { errors: "Internal Server Error" });
    case "disconnect":
      response.socket?.destroy();
      return;
  }
}

/** discountCodeBasicCreate, codeDiscountNodeByCode and discountCodeDeactivate over one store of discounts. */
function codeDiscountApi(discounts: FakeDiscount[]): Record<string, (request: GraphqlRequest) => GraphqlAnswer> {
  const node = (discount: FakeDiscount) => ({
    id: discount.id,
    codeDiscount: { title: discount.input.title, endsAt: discount.input.endsAt ?? null, status: discount.status },
  });
  const byCode = (shop: string, code: unknown) =>
    discounts.find((discount) => discount.shop === shop && String(discount.input.code).toLowerCase() === String(code).toLowerCase());

  return {
    discountCodeBasicCreate({ shop, query, variables }) {
      const input = argument(query, variables, "discountCodeBasicCreate", "basicCodeDiscount");
      if (!isObject(input)) return missingArgument("discountCodeBasicCreate", "basicCodeDiscount");
      const unknownField = Object.keys(input).find((key) => !BASIC_INPUT_FIELDS.has(key));
      if (unknownField) return invalidVariable(`invalid value for ${unknownField} (Field is not defined on DiscountCodeBasicInput)`);
      const userErrors = basicInputErrors(input);
      if (userErrors.length === 0 && byCode(shop, input.code)) {
        userErrors.push({ field: ["basicCodeDiscount", "code"], code: "TAKEN", message: "Code must be unique. Please try a different code." });
      }
      if (userErrors.length) return { data: { discountCodeBasicCreate: { codeDiscountNode: null, userErrors } } };
      const discount: FakeDiscount = { id: `gid://shopify/DiscountCodeNode/${1000 + discounts.length}`, shop, input, status: "ACTIVE" };
      discounts.push(discount);
      return { data: { discountCodeBasicCreate: { codeDiscountNode: node(discount), userErrors: [] } } };
    },

    codeDiscountNodeByCode({ shop, query, variables }) {
      const code = argument(query, variables, "codeDiscountNodeByCode", "code");
      if (typeof code !== "string") return missingArgument("codeDiscountNodeByCode", "code");
      const discount = byCode(shop, code);
      return { data: { codeDiscountNodeByCode: discount ? node(discount) : null } };
    },

    discountCodeDeactivate({ shop, query, variables }) {
      const id = argument(query, variables, "discountCodeDeactivate", "id");
      if (typeof id !== "string") return missingArgument("discountCodeDeactivate", "id");
      const discount = discounts.find((candidate) => candidate.shop === shop && candidate.id === id);
      if (!discount) {
        return { data: { discountCodeDeactivate: { codeDiscountNode: null, userErrors: [{ field: ["id"], code: "INVALID", message: "Discount does not exist" }] } } };
      }
      discount.status = "EXPIRED";
      return { data: { discountCodeDeactivate: { codeDiscountNode: node(discount), userErrors: [] } } };
    },
  };
}

const BASIC_INPUT_FIELDS = new Set([
  "title",
  "code",
  "startsAt",
  "endsAt",
  "usageLimit",
  "appliesOncePerCustomer",
  "context",
  "customerSelection",
  "customerGets",
  "minimumRequirement",
  "combinesWith",
  "recurringCycleLimit",
  "tags",
]);
const CUSTOMER_GID = /^gid:\/\/shopify\/Customer\/\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

/** The userErrors Shopify gives a DiscountCodeBasicInput it will not create, with its field paths. */
function basicInputErrors(input: Record<string, unknown>): DiscountUserError[] {
  const errors: DiscountUserError[] = [];
  const fail = (path: string[], code: string, message: string) => errors.push({ field: ["basicCodeDiscount", ...path], code, message });

  if (typeof input.code !== "string" || !input.code.trim()) fail(["code"], "BLANK", "Code can't be blank");
  else if (input.code.length > 255) fail(["code"], "TOO_LONG", "Code is too long (maximum is 255 characters)");
  if (typeof input.title !== "string" || !input.title.trim()) fail(["title"], "BLANK", "Title can't be blank");
  const startsAt = Date.parse(String(input.startsAt));
  if (Number.isNaN(startsAt)) fail(["startsAt"], "BLANK", "Starts at can't be blank");
  if (input.endsAt != null && !(Date.parse(String(input.endsAt)) > startsAt)) fail(["endsAt"], "END_DATE_BEFORE_START_DATE", "Ends at needs to be after starts_at");
  if (input.usageLimit != null && !(Number.isInteger(input.usageLimit) && Number(input.usageLimit) > 0)) {
    fail(["usageLimit"], "GREATER_THAN", "Usage limit must be greater than 0");
  }

  const context = input.context;
  if (input.customerSelection !== undefined && context !== undefined) fail(["context"], "CONFLICT", "Only one of context or customerSelection can be provided");
  else if (!isObject(context) || Object.keys(context).length !== 1) fail(["context"], "INVALID", "Context must name exactly one of all, customers or customerSegments");
  else if ("all" in context && context.all !== "ALL") fail(["context", "all"], "INVALID", "All must be ALL");
  else if ("customers" in context) {
    const add = isObject(context.customers) ? context.customers.add : undefined;
    if (!Array.isArray(add) || add.length === 0 || !add.every((id) => typeof id === "string" && CUSTOMER_GID.test(id))) {
      fail(["context", "customers", "add"], "INVALID", "Customers must be a list of customer IDs");
    }
  }

  const gets = isObject(input.customerGets) ? input.customerGets : undefined;
  const value = isObject(gets?.value) ? gets.value : undefined;
  if (!gets) fail(["customerGets"], "BLANK", "Customer gets can't be blank");
  else if (!value || Object.keys(value).length !== 1) fail(["customerGets", "value"], "INVALID", "Value must be exactly one of percentage, discountAmount or discountOnQuantity");
  else if ("percentage" in value) {
    if (typeof value.percentage !== "number" || value.percentage <= 0 || value.percentage > 1) {
      fail(["customerGets", "value", "percentage"], "VALUE_OUTSIDE_RANGE", "Percentage must be between 0 and 1");
    }
  } else if ("discountAmount" in value) {
    const amount = isObject(value.discountAmount) ? value.discountAmount : {};
    if (!DECIMAL.test(String(amount.amount)) || Number(amount.amount) <= 0) fail(["customerGets", "value", "discountAmount", "amount"], "GREATER_THAN", "Amount must be greater than 0");
    if (typeof amount.appliesOnEachItem !== "boolean") fail(["customerGets", "value", "discountAmount", "appliesOnEachItem"], "BLANK", "Applies on each item can't be blank");
  }
  if (gets && !(isObject(gets.items) && (gets.items.all === true || "products" in gets.items || "collections" in gets.items))) {
    fail(["customerGets", "items"], "BLANK", "Items can't be blank");
  }

  const subtotal = isObject(input.minimumRequirement) && isObject(input.minimumRequirement.subtotal) ? input.minimumRequirement.subtotal : undefined;
  if (input.minimumRequirement !== undefined && !DECIMAL.test(String(subtotal?.greaterThanOrEqualToSubtotal))) {
    fail(["minimumRequirement", "subtotal", "greaterThanOrEqualToSubtotal"], "INVALID", "Minimum subtotal is invalid");
  }
  return errors;
}

/** The variable a root field's argument is bound to in the query, as Shopify resolves it. */
function argument(query: string, variables: Record<string, unknown>, field: string, name: string): unknown {
  const call = new RegExp(`\\b${field}\\s*\\(([^)]*)\\)`).exec(query)?.[1] ?? "";
  const variable = new RegExp(`\\b${name}\\s*:\\s*\\$(\\w+)`).exec(call)?.[1];
  return variable === undefined ? undefined : variables[variable];
}

function missingArgument(field: string, name: string): GraphqlAnswer {
  return { errors: [{ message: `Field '${field}' is missing required arguments: ${name}`, extensions: { code: "missingRequiredArguments" } }] };
}

function invalidVariable(problem: string): GraphqlAnswer {
  return { errors: [{ message: `Variable of type DiscountCodeBasicInput! was provided ${problem}`, extensions: { code: "INVALID_VARIABLE" } }] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
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
