import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import { verifyWebhook } from "~/outbound/standard-webhooks";
import { startLocalServer } from "./http-server";

/** How the receiver answers one request, instead of 200. */
export type ReceiverScript =
  | { kind: "status"; status: number; retryAfter?: string; body?: string }
  /** Never answers: the sender has to time out. */
  | { kind: "hang" }
  /** Answers after a delay. */
  | { kind: "slow"; delayMs: number; status?: number }
  | { kind: "redirect"; location: string; status?: 301 | 302 | 303 | 307 | 308 }
  /** Sends this many bytes of body with a 200. */
  | { kind: "large"; bytes: number };

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  messageId: string | null;
  /** Whether the Standard Webhooks signature checked out against the receiver's secret and clock. */
  verified: boolean;
  why: string | null;
}

export interface WebhookReceiver {
  origin: string;
  /** Where a destination should point: origin + /hooks. */
  url: string;
  /** Every request, in arrival order. */
  readonly requests: ReceivedRequest[];
  /** Verified requests the receiver accepted with a 2xx: what the merchant's tool acted on. */
  readonly accepted: ReceivedRequest[];
  /** How many times a webhook-id arrived, accepted or not. */
  timesReceived(messageId: string): number;
  /** Accepted requests whose webhook-id had been accepted before: duplicates a receiver must drop. */
  readonly duplicateCount: number;
  /** The signing secret to verify with (the destination's, from revealSigningSecret). */
  useSecret(secret: string): void;
  /** Queues answers for the next requests, one each, in order; then the default answer again. */
  respondNext(...scripts: ReceiverScript[]): void;
  /** The answer when nothing is queued; null for 200. */
  respondAlways(script: ReceiverScript | null): void;
  reset(): void;
  close(): Promise<void>;
}

/**
 * A merchant's endpoint on a loopback port, verifying Standard Webhooks signatures the way the
 * merchant's own code would (401 when they fail), against `clock` because tests deliver at
 * instants of their choosing.
 */
export async function startWebhookReceiver({ clock = () => new Date() }: { clock?: () => Date } = {}): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const accepted: ReceivedRequest[] = [];
  const queued: ReceiverScript[] = [];
  const stalled = new Set<ServerResponse>();
  let standing: ReceiverScript | null = null;
  let secret: string | null = null;

  const server = await startLocalServer(async (request, body, response) => {
    const verification = secret ? verifyWebhook(secret, { headers: request.headers, body }, { now: clock() }) : { ok: false as const, reason: "no secret set" };
    const received: ReceivedRequest = {
      method: request.method ?? "",
      path: request.url ?? "",
      headers: request.headers,
      body,
      messageId: typeof request.headers["webhook-id"] === "string" ? request.headers["webhook-id"] : null,
      verified: verification.ok,
      why: verification.ok ? null : verification.reason,
    };
    requests.push(received);
    const script = queued.shift() ?? standing;
    if (script?.kind === "hang") {
      stalled.add(response);
      response.on("close", () => stalled.delete(response));
      return;
    }
    if (script?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, script.delayMs));
    if (script?.kind === "redirect") {
      response.writeHead(script.status ?? 302, { Location: script.location }).end();
      return;
    }
    if (script?.kind === "large") {
      response.writeHead(200, { "Content-Type": "text/plain" }).end("x".repeat(script.bytes));
      return;
    }
    if (!verification.ok) {
      response.writeHead(401, { "Content-Type": "text/plain" }).end(`invalid signature: ${verification.reason}`);
      return;
    }
    const status = script?.kind === "status" ? script.status : script?.kind === "slow" ? (script.status ?? 200) : 200;
    if (status >= 200 && status < 300) accepted.push(received);
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (script?.kind === "status" && script.retryAfter !== undefined) headers["Retry-After"] = script.retryAfter;
    response.writeHead(status, headers).end(script?.kind === "status" && script.body !== undefined ? script.body : JSON.stringify({ received: true }));
  });

  return {
    origin: server.origin,
    url: `${server.origin}/hooks`,
    requests,
    accepted,
    timesReceived: (messageId) => requests.filter((request) => request.messageId === messageId).length,
    get duplicateCount() {
      const ids = accepted.map((request) => request.messageId);
      return ids.length - new Set(ids).size;
    },
    useSecret(value) {
      secret = value;
    },
    respondNext: (...scripts) => void queued.push(...scripts),
    respondAlways(script) {
      standing = script;
    },
    reset() {
      requests.length = 0;
      accepted.length = 0;
      queued.length = 0;
      standing = null;
    },
    async close() {
      for (const response of stalled) response.destroy();
      await server.close();
    },
  };
}
