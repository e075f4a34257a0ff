type Route = { matches: (url: URL) => boolean; origin: string };

const realFetch = globalThis.fetch;
const routes: Route[] = [];

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Replaces fetch so a test can reach only loopback servers and the protocol doubles it registered.
 * Anything else (Shopify, SendGrid, a CDN) fails loudly instead of timing out or leaking.
 */
export function closeNetwork(): void {
  globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const route = routes.find((candidate) => candidate.matches(url));
    if (route) {
      const headers = new Headers(request.headers);
      headers.set("x-forwarded-host", url.host);
      const body = request.body ? await request.arrayBuffer() : undefined;
      return realFetch(route.origin + url.pathname + url.search, { method: request.method, headers, body });
    }
    if (LOOPBACK.has(url.hostname)) return realFetch(request);
    throw new Error(`Tests may not reach ${url.origin}; register a protocol double for it`);
  };
}

/** Sends requests whose URL matches to a local server instead, keeping path and query. */
export function routeToLocalServer(matches: (url: URL) => boolean, origin: string): () => void {
  const route = { matches, origin };
  routes.push(route);
  return () => routes.splice(routes.indexOf(route), 1);
}
