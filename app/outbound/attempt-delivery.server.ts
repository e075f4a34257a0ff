import type { WebhookDestination } from "@prisma/client";
import { SecretBoxError } from "~/lib/secret-box.server";
import type { AttemptRecord } from "~/models/webhook-delivery.server";
import { judgeAttempt, type Verdict } from "./delivery-verdict";
import { openDestinationSecrets } from "./destinations.server";
import type { OutboundHttp, OutboundRequest, OutboundResult } from "./outbound-http";
import { signatureHeaders } from "./standard-webhooks";

/** Bytes of each response kept in the attempt log: enough to read an error, not a stored copy of the reply. */
const LOGGED_RESPONSE_BYTES = 1024;

export interface AttemptOutcome {
  attempt: AttemptRecord;
  verdict: Verdict;
  /** Null when nothing was sent. */
  result: OutboundResult | null;
}

export type DestinationForSending = Pick<WebhookDestination, "url" | "method" | "headers" | "signingSecret" | "followRedirects">;

/**
 * Sends one attempt of a delivery: the frozen payload under its stable webhook-id, a timestamp and
 * signature of this moment, and the destination's own headers. Writes nothing; the caller records it.
 */
export async function attemptDelivery(http: OutboundHttp, message: { messageId: string; payload: string }, destination: DestinationForSending, now: Date): Promise<AttemptOutcome> {
  let request: OutboundRequest;
  try {
    request = signedRequest(message, destination, now);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    const verdict: Verdict = { kind: "fail", error: "The destination's secrets cannot be decrypted: was ENCRYPTION_KEY changed?" };
    return { attempt: { attemptedAt: now, statusCode: null, latencyMs: 0, responseBody: null, error: verdict.error }, verdict, result: null };
  }
  const result = await http.send(request);
  const verdict = judgeAttempt(result, now);
  return {
    attempt: {
      attemptedAt: now,
      statusCode: result.status,
      latencyMs: result.latencyMs,
      responseBody: result.ok ? Buffer.from(result.body).subarray(0, LOGGED_RESPONSE_BYTES).toString("utf8") : null,
      error: verdict.kind === "delivered" ? null : verdict.error,
    },
    verdict,
    result,
  };
}

function signedRequest({ messageId, payload }: { messageId: string; payload: string }, destination: DestinationForSending, now: Date): OutboundRequest {
  const secrets = openDestinationSecrets(destination);
  return {
    url: destination.url,
    method: destination.method as OutboundRequest["method"],
    headers: {
      "content-type": "application/json",
      ...secrets.headers,
      ...signatureHeaders(secrets.signingSecret, { messageId, timestamp: now, body: payload }),
    },
    // Authorization too, as fetch does, even when the merchant did not mark it secret.
    originBoundHeaders: [...secrets.secretHeaderNames, "authorization"],
    body: payload,
    followRedirects: destination.followRedirects,
  };
}
