import {
  GraphqlQueryError,
  HttpMaxRetriesError,
  HttpRequestError,
  HttpResponseError,
  HttpRetriableError,
  HttpThrottlingError,
} from "@shopify/shopify-api";
import type { AdminFailure } from "./shopify-admin";

/**
 * What an error thrown by `admin.graphql` means. Shopify throttling us (HTTP 429, or the GraphQL cost
 * limiter's THROTTLED answer), a 5xx and a request that never got an answer are worth retrying; any other
 * refusal (a revoked token, a missing scope, a query Shopify rejects) will not change by itself. Anything
 * that is not the client's error is a bug and is rethrown.
 */
export function adminFailure(error: unknown): AdminFailure {
  if (error instanceof HttpThrottlingError) {
    const { retryAfter } = error.response;
    return { status: "retryable", error: "Shopify is throttling requests (429)", ...(retryAfter && { retryAfterMs: retryAfter * 1000 }) };
  }
  if (error instanceof HttpRetriableError) return { status: "retryable", error: `Shopify answered ${error.response.code}` };
  if (error instanceof HttpRequestError || error instanceof HttpMaxRetriesError) return { status: "retryable", error: `Shopify unreachable: ${error.message}` };
  if (error instanceof GraphqlQueryError) {
    return isThrottled(error) ? { status: "retryable", error: "Shopify is throttling requests (query cost)" } : { status: "failed", error: `Shopify refused the query: ${error.message}` };
  }
  if (error instanceof HttpResponseError) return { status: "failed", error: `Shopify answered ${error.response.code}: ${error.response.statusText}` };
  throw error;
}

function isThrottled(error: GraphqlQueryError): boolean {
  const graphQLErrors: unknown = error.body?.errors?.graphQLErrors;
  return Array.isArray(graphQLErrors) && graphQLErrors.some((entry: { extensions?: { code?: unknown } }) => entry?.extensions?.code === "THROTTLED");
}
