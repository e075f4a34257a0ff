import type { SendResult } from "./email-sender";

type Headers = Record<string, string | undefined>;

/** The shape of @sendgrid/client's ResponseError, which the package does not export at run time. */
interface SendgridResponseError {
  code: number;
  message: string;
  response: { headers: Headers; body: unknown };
}

/** Connection failures that happen before a byte of the request leaves: SendGrid cannot have the message. */
const NEVER_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * What a failed Mail Send call means for the sequencer. SendGrid answered: 429 and 5xx are worth
 * retrying, any other refusal is permanent. SendGrid could not be reached, or reset a kept-alive
 * connection as the request went out on it (it had closed it as idle; Node documents this race): retry.
 * The request went out but no answer came (a timeout, a reset): unconfirmed, as SendGrid may have
 * accepted it. Anything else was thrown before a request was made (the helper refusing the message): permanent.
 */
export function failedSendResult(error: unknown): SendResult {
  if (isResponseError(error)) {
    const { code, response } = error;
    const description = `SendGrid ${code}: ${describeRefusal(response.body) ?? error.message}`;
    if (code === 429) return { status: "retryable", error: description, retryAfterMs: retryAfterMs(response.headers, new Date()) };
    if (code >= 500) return { status: "retryable", error: description };
    return { status: "rejected", error: description };
  }
  // The code as well as the message: when every address of a host refuses, Node's message is empty.
  if (isAxiosError(error)) {
    const detail = [error.code, error.message].filter(Boolean).join(": ");
    if (error.code && NEVER_SENT_CODES.has(error.code)) return { status: "retryable", error: `SendGrid unreachable: ${detail}` };
    if (error.code === "ECONNRESET" && wentOutOnReusedSocket(error.request)) return { status: "retryable", error: `SendGrid closed an idle connection: ${detail}` };
    return { status: "unconfirmed", error: `SendGrid did not answer: ${detail}` };
  }
  return { status: "rejected", error: `SendGrid message not built: ${error instanceof Error ? error.message : String(error)}` };
}

/**
 * Milliseconds until SendGrid accepts requests again: Retry-After (seconds or an HTTP date) when
 * present, else X-RateLimit-Reset (unix seconds).
 */
export function retryAfterMs(headers: Headers, now: Date): number | undefined {
  const retryAfterHeader = headers["retry-after"]?.trim();
  if (retryAfterHeader) {
    if (/^\d+$/.test(retryAfterHeader)) return Number(retryAfterHeader) * 1000;
    const date = Date.parse(retryAfterHeader);
    if (!Number.isNaN(date)) return Math.max(0, date - now.getTime());
  }
  const reset = headers["x-ratelimit-reset"]?.trim();
  if (reset && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now.getTime());
  return undefined;
}

/** Removes values that must never reach a log or the send ledger (the API key, the recipient's address). */
export function withoutSecrets(result: SendResult, secrets: string[]): SendResult {
  if (result.status === "sent") return result;
  const error = secrets.filter(Boolean).reduce((text, secret) => text.replace(new RegExp(escapeRegExp(secret), "gi"), "[redacted]"), result.error);
  return { ...result, error };
}

/** SendGrid's `errors[]` as one line; null when the body is not SendGrid JSON (a proxy's HTML page). */
function describeRefusal(body: unknown): string | null {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return null;
  return errors
    .map((entry: { message?: unknown; field?: unknown }) => {
      const message = typeof entry?.message === "string" ? entry.message : "unknown error";
      return typeof entry?.field === "string" ? `${message} (field ${entry.field})` : message;
    })
    .join("; ");
}

function isResponseError(error: unknown): error is SendgridResponseError {
  const candidate = error as Partial<SendgridResponseError> | null;
  return typeof candidate?.code === "number" && typeof candidate.response === "object" && candidate.response !== null;
}

/** Node's ClientRequest, or the follow-redirects wrapper that axios puts around it. */
interface SentRequest {
  reusedSocket?: boolean;
  _currentRequest?: { reusedSocket?: boolean };
}

function wentOutOnReusedSocket(request: SentRequest | undefined): boolean {
  return Boolean(request?.reusedSocket ?? request?._currentRequest?.reusedSocket);
}

function isAxiosError(error: unknown): error is Error & { code?: string; request?: SentRequest } {
  return error instanceof Error && (error as { isAxiosError?: unknown }).isAxiosError === true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
