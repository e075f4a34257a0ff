import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { createAddressPolicy, type AddressPolicy, type AddressPolicyOptions } from "./address-policy";
import type { OutboundErrorKind, OutboundHttp, OutboundRequest } from "./outbound-http";

export const OUTBOUND_TIMEOUT_MS = 5_000;
export const MAX_RESPONSE_BYTES = 64 * 1024;
export const MAX_REDIRECTS = 3;
const USER_AGENT = "Comeback-Webhooks/1.0";

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export interface OutboundHttpOptions extends AddressPolicyOptions {
  /** For the whole exchange: connecting, every redirect hop and reading the body. */
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** The system resolver by default; tests give names addresses of their choosing. */
  resolve?: Resolver;
}

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

class RefusedAddressError extends Error {
  override readonly name = "RefusedAddressError";
}

class OutboundFailure extends Error {
  constructor(
    readonly kind: OutboundErrorKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: string;
  bodyTruncated: boolean;
}

/**
 * An OutboundHttp on node:http/https that only talks to addresses the policy permits. The check runs
 * inside the socket's own DNS lookup, on the very addresses it connects to, so a name that resolved to
 * a public address when the merchant saved it and to 127.0.0.1 now (DNS rebinding) is still refused.
 * Connections are never pooled: a reused socket would skip the lookup.
 */
export function createOutboundHttp({
  timeoutMs = OUTBOUND_TIMEOUT_MS,
  maxResponseBytes = MAX_RESPONSE_BYTES,
  resolve = systemResolver,
  ...policyOptions
}: OutboundHttpOptions): OutboundHttp {
  const policy = createAddressPolicy(policyOptions);
  const lookup = guardedLookup(policy, resolve);

  return {
    async send(request) {
      const started = performance.now();
      const latencyMs = () => Math.round(performance.now() - started);
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(), timeoutMs);
      try {
        const response = await follow(request, (url, headers) => exchange(url, request, headers, { lookup, policy, signal: deadline.signal, maxResponseBytes }));
        return { ok: true, ...response, latencyMs: latencyMs() };
      } catch (error) {
        return { ok: false, ...describeFailure(error, deadline.signal.aborted, timeoutMs), latencyMs: latencyMs() };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

async function follow(request: OutboundRequest, send: (url: URL, headers: Record<string, string>) => Promise<Exchange>): Promise<Exchange> {
  let url = httpUrl(request.url);
  const origin = url.origin;
  for (let hops = 0; ; hops++) {
    const sameOrigin = url.origin === origin;
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => sameOrigin || !isOriginBound(request, name)));
    const response = await send(url, headers);
    const location = response.headers.location;
    if (!isRedirect(response.status) || !location) return response;
    if (!request.followRedirects) {
      throw new OutboundFailure("redirect_not_followed", `HTTP ${response.status} redirect to ${location} not followed: the destination does not follow redirects`, response.status);
    }
    if (hops === MAX_REDIRECTS) throw new OutboundFailure("too_many_redirects", `More than ${MAX_REDIRECTS} redirects`, response.status);
    const next = URL.parse(location, url);
    if (next?.protocol !== "http:" && next?.protocol !== "https:") {
      throw new OutboundFailure("redirect_not_followed", `HTTP ${response.status} redirect to ${location} not followed: not an http(s) URL`, response.status);
    }
    url = next;
  }
}

function isOriginBound(request: OutboundRequest, name: string): boolean {
  return request.originBoundHeaders.some((bound) => bound.toLowerCase() === name.toLowerCase());
}

function isRedirect(status: number): boolean {
  return [301, 302, 303, 307, 308].includes(status);
}

function httpUrl(address: string): URL {
  const url = URL.parse(address);
  if (url?.protocol !== "http:" && url?.protocol !== "https:") throw new OutboundFailure("refused_address", "Not an http(s) URL");
  return url;
}

interface ExchangeOptions {
  lookup: LookupFunction;
  policy: AddressPolicy;
  signal: AbortSignal;
  maxResponseBytes: number;
}

/**
 * One request and its response. The method and body are kept on every redirect hop (a webhook
 * turned into a GET would arrive without its payload).
 */
function exchange(url: URL, request: OutboundRequest, headers: Record<string, string>, { lookup, policy, signal, maxResponseBytes }: ExchangeOptions): Promise<Exchange> {
  // Node skips the lookup for a literal IP, so literal addresses are checked here.
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (policy.refusesHostname(host)) return Promise.reject(new RefusedAddressError(`${host} is a cloud metadata host`));
  const refusal = isIP(host) ? policy.refusal(host) : null;
  if (refusal) return Promise.reject(new RefusedAddressError(`${host} is ${refusal}`));

  return new Promise((resolve, reject) => {
    const transport = url.protocol === "https:" ? https : http;
    const outgoing = transport.request(
      url,
      {
        method: request.method,
        headers: { "user-agent": USER_AGENT, ...headers, "content-length": String(Buffer.byteLength(request.body)) },
        lookup,
        agent: false,
        signal,
      },
      (response) => readLimited(response, maxResponseBytes).then(resolve, reject),
    );
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

/** Reads at most `limit` bytes, then hangs up: a huge or endless answer costs nothing more. */
function readLimited(response: IncomingMessage, limit: number): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (bodyTruncated: boolean) =>
      resolve({ status: response.statusCode ?? 0, headers: flatHeaders(response), body: Buffer.concat(chunks).toString("utf8"), bodyTruncated });
    response.on("data", (chunk: Buffer) => {
      const room = limit - size;
      chunks.push(chunk.subarray(0, room));
      size += Math.min(room, chunk.length);
      if (chunk.length > room) {
        finish(true);
        response.destroy();
      }
    });
    response.on("end", () => finish(false));
    response.on("error", reject);
    // Cut off mid-body (the deadline, the peer hanging up): the answer is incomplete, not short.
    response.on("close", () => response.complete || reject(new Error("The connection closed before the response was complete")));
  });
}

function flatHeaders(response: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(response.headers)
      .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]),
  );
}

function guardedLookup(policy: AddressPolicy, resolve: Resolver): LookupFunction {
  return (hostname, options, callback) => {
    const check = async () => {
      if (policy.refusesHostname(hostname)) throw new RefusedAddressError(`${hostname} is a cloud metadata host`);
      const resolved = await resolve(hostname);
      const addresses = options.family === 4 || options.family === 6 ? resolved.filter((entry) => entry.family === options.family) : resolved;
      if (addresses.length === 0) throw Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" });
      // Refusing the whole name, not just the bad address: a name that points anywhere private is not a public endpoint.
      for (const { address } of addresses) {
        const refusal = policy.refusal(address);
        if (refusal) throw new RefusedAddressError(`${hostname} resolves to ${address}, ${refusal}`);
      }
      return addresses;
    };
    check().then(
      (addresses) => (options.all ? callback(null, addresses) : callback(null, addresses[0]!.address, addresses[0]!.family)),
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
}

function describeFailure(error: unknown, timedOut: boolean, timeoutMs: number): { error: OutboundErrorKind; message: string; status: number | null } {
  if (timedOut) return { error: "timeout", message: `No complete answer within ${timeoutMs / 1000} s`, status: null };
  if (error instanceof OutboundFailure) return { error: error.kind, message: error.message, status: error.status };
  if (error instanceof RefusedAddressError) return { error: "refused_address", message: error.message, status: null };
  const { code, message } = error as NodeJS.ErrnoException;
  return { error: "network", message: [code, message].filter(Boolean).join(": ") || "Connection failed", status: null };
}
