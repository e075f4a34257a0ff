import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OutboundRequest } from "~/outbound/outbound-http";
import { createOutboundHttp, MAX_REDIRECTS, MAX_RESPONSE_BYTES, OUTBOUND_TIMEOUT_MS, type OutboundHttpOptions } from "~/outbound/outbound-http.server";
import { generateMessageId, generateSigningSecret, signatureHeaders } from "~/outbound/standard-webhooks";
import { startLocalServer } from "../doubles/http-server";
import { startWebhookReceiver, type WebhookReceiver } from "../doubles/webhook-receiver";

const SECRET = generateSigningSecret();
let receiver: WebhookReceiver;
let other: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  other = await startWebhookReceiver();
  receiver.useSecret(SECRET);
  other.useSecret(SECRET);
});
afterAll(async () => {
  await receiver.close();
  await other.close();
});
beforeEach(() => {
  receiver.reset();
  other.reset();
});

const port = (server: WebhookReceiver) => new URL(server.origin).port;

/** Loopback reachable as it would be in production only for an address listed in WEBHOOK_ALLOWED_ADDRESSES. */
function client(options: Partial<OutboundHttpOptions> = {}) {
  return createOutboundHttp({ allowPrivateNetworks: false, allowedAddresses: ["127.0.0.1"], ...options });
}

function request(url: string, overrides: Partial<OutboundRequest> = {}): OutboundRequest {
  const body = JSON.stringify({ type: "checkout.abandoned" });
  return {
    url,
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": "key-123", ...signatureHeaders(SECRET, { messageId: generateMessageId(), timestamp: new Date(), body }) },
    originBoundHeaders: ["x-api-key"],
    body,
    followRedirects: false,
    ...overrides,
  };
}

describe("createOutboundHttp", () => {
  it("sends the request and reports status, headers, body and latency", async () => {
    const result = await client().send(request(receiver.url, { method: "PUT" }));

    expect(result).toMatchObject({ ok: true, status: 200, body: '{"received":true}', bodyTruncated: false });
    expect(result.ok && result.headers["content-type"]).toBe("application/json");
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(receiver.accepted).toHaveLength(1);
    expect(receiver.requests[0]).toMatchObject({ method: "PUT", path: "/hooks", body: '{"type":"checkout.abandoned"}' });
    expect(receiver.requests[0]!.headers).toMatchObject({ "x-api-key": "key-123", "user-agent": "Comeback-Webhooks/1.0", "content-length": "29" });
  });

  it.each([
    ["127.0.0.1, not listed as allowed", (p: string) => `http://127.0.0.1:${p}/hooks`],
    ["localhost, once resolved", (p: string) => `http://localhost:${p}/hooks`],
    ["[::1]", (p: string) => `http://[::1]:${p}/hooks`],
    ["[::ffff:127.0.0.1]", (p: string) => `http://[::ffff:127.0.0.1]:${p}/hooks`],
    ["127.1, as the URL parser reads 127.0.0.1", (p: string) => `http://127.1:${p}/hooks`],
  ])("refuses loopback: %s", async (_case, url) => {
    const result = await client({ allowedAddresses: [] }).send(request(url(port(receiver))));

    expect(result).toMatchObject({ ok: false, error: "refused_address" });
    expect(receiver.requests).toHaveLength(0);
  });

  it("names the address a host name resolved to", async () => {
    const result = await client({ allowedAddresses: [] }).send(request(`http://localhost:${port(receiver)}/hooks`));
    expect(result.ok === false && result.message).toBe("localhost resolves to 127.0.0.1, a loopback, private or reserved address");
  });

  it("refuses a private address without connecting", async () => {
    expect(await client().send(request("http://10.0.0.8/hooks"))).toMatchObject({ ok: false, error: "refused_address", message: "10.0.0.8 is a loopback, private or reserved address", status: null });
  });

  it.each([
    ["the cloud metadata address", "http://169.254.169.254/latest/meta-data/iam/", "169.254.169.254 is a cloud metadata address"],
    ["the AWS IPv6 metadata address", "http://[fd00:ec2::254]/", "fd00:ec2::254 is a cloud metadata address"],
    ["the metadata host name", "http://metadata.google.internal/computeMetadata/v1/", "metadata.google.internal is a cloud metadata host"],
  ])("refuses %s without connecting, even where private networks are allowed", async (_case, url, message) => {
    const result = await client({ allowPrivateNetworks: true }).send(request(url));
    expect(result).toMatchObject({ ok: false, error: "refused_address", message, status: null });
  });

  it("checks the addresses a name resolves to at connection time, so DNS rebinding is refused", async () => {
    let address = "127.0.0.1";
    const http = client({ resolve: async () => [{ address, family: 4 }] });
    const url = `http://merchant.example:${port(receiver)}/hooks`;

    expect(await http.send(request(url))).toMatchObject({ ok: true, status: 200 });
    address = "10.0.0.5";
    expect(await http.send(request(url))).toMatchObject({ ok: false, error: "refused_address", message: "merchant.example resolves to 10.0.0.5, a loopback, private or reserved address" });
    expect(receiver.requests).toHaveLength(1);
  });

  it("refuses a name when any of its addresses is refused", async () => {
    const http = client({ resolve: async () => [{ address: "127.0.0.1", family: 4 }, { address: "192.168.0.10", family: 4 }] });
    expect(await http.send(request(`http://merchant.example:${port(receiver)}/hooks`))).toMatchObject({ ok: false, error: "refused_address" });
    expect(receiver.requests).toHaveLength(0);
  });

  it("does not follow redirects unless asked", async () => {
    receiver.respondNext({ kind: "redirect", location: "/moved", status: 301 });
    const result = await client().send(request(receiver.url));

    expect(result).toMatchObject({ ok: false, error: "redirect_not_followed", status: 301 });
    expect(receiver.requests.map((received) => received.path)).toEqual(["/hooks"]);
  });

  it("follows redirects when asked, keeping method and body", async () => {
    receiver.respondNext({ kind: "redirect", location: "/moved", status: 302 }, { kind: "redirect", location: `${receiver.origin}/final`, status: 308 });
    const result = await client().send(request(receiver.url, { followRedirects: true }));

    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(receiver.requests.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      { method: "POST", path: "/hooks", body: '{"type":"checkout.abandoned"}' },
      { method: "POST", path: "/moved", body: '{"type":"checkout.abandoned"}' },
      { method: "POST", path: "/final", body: '{"type":"checkout.abandoned"}' },
    ]);
    expect(receiver.requests[2]!.headers["x-api-key"]).toBe("key-123");
  });

  it("re-checks every hop: a redirect from an allowed address to a forbidden one is refused", async () => {
    for (const location of [`http://127.0.0.2:${port(receiver)}/internal`, "http://169.254.169.254/latest/meta-data/", "http://[::1]/"]) {
      receiver.respondNext({ kind: "redirect", location });
      const result = await client().send(request(receiver.url, { followRedirects: true }));
      expect(result).toMatchObject({ ok: false, error: "refused_address" });
    }
    expect(receiver.requests.map((received) => received.path)).toEqual(["/hooks", "/hooks", "/hooks"]);
  });

  it(`stops after ${MAX_REDIRECTS} redirects`, async () => {
    receiver.respondAlways({ kind: "redirect", location: "/again" });
    const result = await client().send(request(receiver.url, { followRedirects: true }));

    expect(result).toMatchObject({ ok: false, error: "too_many_redirects" });
    expect(receiver.requests).toHaveLength(MAX_REDIRECTS + 1);
  });

  it("refuses to follow a redirect to anything but http(s)", async () => {
    receiver.respondNext({ kind: "redirect", location: "file:///etc/passwd" });
    expect(await client().send(request(receiver.url, { followRedirects: true }))).toMatchObject({ ok: false, error: "redirect_not_followed" });
  });

  it("keeps the merchant's credentials to the destination's origin when a redirect leaves it", async () => {
    receiver.respondNext({ kind: "redirect", location: other.url, status: 307 });
    const result = await client().send(request(receiver.url, { followRedirects: true, headers: { ...request(receiver.url).headers, authorization: "Bearer crm-token" }, originBoundHeaders: ["X-Api-Key", "authorization"] }));

    expect(result).toMatchObject({ ok: true });
    expect(other.requests[0]!.headers["x-api-key"]).toBeUndefined();
    expect(other.requests[0]!.headers.authorization).toBeUndefined();
    expect(other.requests[0]!.headers["webhook-signature"]).toBeDefined();
  });

  it(`reads at most ${MAX_RESPONSE_BYTES / 1024} KiB of a response`, async () => {
    receiver.respondNext({ kind: "large", bytes: 1_000_000 });
    const result = await client().send(request(receiver.url));

    expect(result).toMatchObject({ ok: true, status: 200, bodyTruncated: true });
    expect(result.ok && result.body).toHaveLength(MAX_RESPONSE_BYTES);
  });

  it("gives up on an endpoint that does not answer in time", async () => {
    expect(OUTBOUND_TIMEOUT_MS).toBe(5_000);
    receiver.respondNext({ kind: "hang" });
    const result = await client({ timeoutMs: 200 }).send(request(receiver.url));

    expect(result).toMatchObject({ ok: false, error: "timeout", message: "No complete answer within 0.2 s" });
    expect(result.latencyMs).toBeLessThan(2_000);
  });

  it("counts the time limit across the whole exchange, body included", async () => {
    const dribbler = await startLocalServer((_request, _body, response) => {
      response.writeHead(200, { "Content-Type": "text/plain" });
      response.write("partial");
      setTimeout(() => response.end("rest"), 1_000);
    });
    try {
      expect(await client({ timeoutMs: 200 }).send(request(`${dribbler.origin}/hooks`))).toMatchObject({ ok: false, error: "timeout" });
    } finally {
      await dribbler.close();
    }
  });

  it("reports a connection failure as a network error", async () => {
    const closed = await startLocalServer(() => undefined);
    await closed.close();
    expect(await client().send(request(`${closed.origin}/hooks`))).toMatchObject({ ok: false, error: "network", message: expect.stringContaining("ECONNREFUSED") });
  });
});
