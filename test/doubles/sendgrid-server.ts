import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import { sendJson, startLocalServer } from "./http-server";

export interface SendgridError {
  message: string;
  field?: string | null;
}

/** A condition SendGrid can be in, answered to the next request instead of the normal handling. */
export type ScriptedResponse =
  | { kind: "bad_request"; errors: SendgridError[] }
  | { kind: "unauthorized" }
  | { kind: "payload_too_large" }
  /** `retryAfter` is sent verbatim (seconds or an HTTP date); X-RateLimit-Reset defaults to a minute ahead. */
  | { kind: "rate_limited"; retryAfter?: string; rateLimitReset?: number }
  | { kind: "server_error"; status: 500 | 502 | 503 }
  /** Never answers, as a stalled connection does: the client has to time out. */
  | { kind: "hang" }
  /** Takes the message but answers only after `afterMs`, as a slow SendGrid may: a client that gave up first never hears. */
  | { kind: "accept_late"; afterMs: number };

export interface ReceivedMessage {
  /** The Mail Send body as SendGrid parsed it (snake_case v3 JSON). */
  body: MailSendBody;
  headers: IncomingHttpHeaders;
  messageId: string;
}

export interface MailSendBody {
  personalizations?: Array<{ to?: Array<{ email?: string; name?: string }>; subject?: string }>;
  from?: { email?: string; name?: string };
  reply_to?: { email?: string; name?: string };
  subject?: string;
  content?: Array<{ type: string; value: string }>;
  template_id?: string;
  categories?: string[];
  custom_args?: Record<string, unknown>;
  headers?: Record<string, string>;
  tracking_settings?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface SendgridServer {
  /** Base URL to give the client in place of https://api.sendgrid.com. */
  apiUrl: string;
  /** The only key the server accepts. */
  apiKey: string;
  /** Messages accepted with 202, oldest first. */
  readonly messages: ReceivedMessage[];
  /** Every request received, accepted or not. */
  readonly requestCount: number;
  /** The body of every request received, accepted or not (null when not JSON), oldest first. */
  readonly requestBodies: ReadonlyArray<MailSendBody | null>;
  /** Requests not yet answered (or given up by the client), and the most there have been at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Queues conditions for the next requests, one each, in order. */
  respondNext(...responses: ScriptedResponse[]): void;
  /** Answers every request with the condition until called with null: an outage rather than one bad answer. */
  setOutage(condition: ScriptedResponse | null): void;
  /** Forgets received messages, counts, queued responses and any outage. */
  reset(): void;
  close(): Promise<void>;
}

const UNAUTHORIZED = { errors: [{ field: null, message: "The provided authorization grant is invalid, expired, or revoked", help: null }] };
const NGINX_413 =
  "<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n" +
  "<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
const LOOKS_LIKE_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A local stand-in for SendGrid v3 `POST /v3/mail/send`: bearer-key auth, SendGrid's validation errors,
 * 202 with an empty body and X-Message-Id, plus scripted failures (rate limits, outages, stalls).
 */
export async function startSendgridServer({
  apiKey = "SG.test-key",
  onMessage,
}: {
  apiKey?: string;
  /** Called with every accepted message, e.g. to keep it on disk (the demo does). */
  onMessage?: (message: ReceivedMessage) => void | Promise<void>;
} = {}): Promise<SendgridServer> {
  const messages: ReceivedMessage[] = [];
  const scripted: ScriptedResponse[] = [];
  const stalled = new Set<ServerResponse>();
  const requestBodies: Array<MailSendBody | null> = [];
  let outage: ScriptedResponse | null = null;
  let inFlight = 0;
  let maxInFlight = 0;

  // SendGrid keeps idle connections longer than Node's client does (5 s); with the server's 5 s default
  // too, a client would now and then reuse a connection just as it closes (ECONNRESET, retried).
  const server = await startLocalServer(async (request, rawBody, response) => {
    requestBodies.push(parsedOrNull(rawBody));
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    response.on("close", () => inFlight--);
    const condition = scripted.shift() ?? outage;
    if (condition?.kind === "hang") {
      stalled.add(response);
      response.on("close", () => stalled.delete(response));
      return;
    }
    if (condition && condition.kind !== "accept_late") return answerScripted(response, condition);
    if (request.method !== "POST" || request.url !== "/v3/mail/send") {
      return sendJson(response, 404, { errors: [{ field: null, message: "not found", help: null }] });
    }
    if (request.headers.authorization !== `Bearer ${apiKey}`) return sendJson(response, 401, UNAUTHORIZED);

    let body: MailSendBody;
    try {
      body = JSON.parse(rawBody) as MailSendBody;
    } catch {
      return badRequest(response, [{ message: "Bad Request", field: null }]);
    }
    const errors = validate(body);
    if (errors.length > 0) return badRequest(response, errors);

    const messageId = randomBytes(16).toString("base64url").slice(0, 22);
    const message = { body, headers: request.headers, messageId };
    messages.push(message);
    await onMessage?.(message);
    if (condition?.kind === "accept_late") await new Promise((resolve) => setTimeout(resolve, condition.afterMs));
    response.writeHead(202, { "X-Message-Id": messageId }).end();
  }, { keepAliveTimeoutMs: 60_000 });

  return {
    apiUrl: server.origin,
    apiKey,
    messages,
    get requestCount() {
      return requestBodies.length;
    },
    requestBodies,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    respondNext: (...responses) => void scripted.push(...responses),
    setOutage: (condition) => void (outage = condition),
    reset() {
      messages.length = 0;
      scripted.length = 0;
      requestBodies.length = 0;
      outage = null;
      maxInFlight = inFlight;
    },
    async close() {
      for (const response of stalled) response.destroy();
      await server.close();
    },
  };
}

function parsedOrNull(rawBody: string): MailSendBody | null {
  try {
    return JSON.parse(rawBody) as MailSendBody;
  } catch {
    return null;
  }
}

function answerScripted(response: ServerResponse, condition: Exclude<ScriptedResponse, { kind: "hang" | "accept_late" }>): void {
  switch (condition.kind) {
    case "bad_request":
      return badRequest(response, condition.errors);
    case "unauthorized":
      return sendJson(response, 401, UNAUTHORIZED);
    case "payload_too_large":
      response.writeHead(413, { "Content-Type": "text/html" }).end(NGINX_413);
      return;
    case "rate_limited": {
      const reset = condition.rateLimitReset ?? Math.floor(Date.now() / 1000) + 60;
      response.setHeader("X-RateLimit-Limit", "600");
      response.setHeader("X-RateLimit-Remaining", "0");
      response.setHeader("X-RateLimit-Reset", String(reset));
      if (condition.retryAfter !== undefined) response.setHeader("Retry-After", condition.retryAfter);
      return sendJson(response, 429, { errors: [{ field: null, message: "too many requests" }] });
    }
    case "server_error":
      return sendJson(response, condition.status, { errors: [{ field: null, message: "internal error" }] });
  }
}

function badRequest(response: ServerResponse, errors: SendgridError[]): void {
  sendJson(response, 400, { errors: errors.map(({ message, field = null }) => ({ message, field, help: null })) });
}

/** The checks SendGrid makes before accepting a message, with its wording. */
function validate(body: MailSendBody): SendgridError[] {
  const errors: SendgridError[] = [];
  const personalization = body.personalizations?.[0];
  const recipient = personalization?.to?.[0]?.email;
  if (!personalization) {
    errors.push({ field: "personalizations", message: "The personalizations field is required and must have at least one personalization." });
  } else if (!recipient) {
    errors.push({
      field: "personalizations.0.to",
      message: "The to array is required for all personalization objects, and must have at least one email object with a valid email address.",
    });
  } else if (!LOOKS_LIKE_ADDRESS.test(recipient)) {
    errors.push({ field: "personalizations.0.to.0.email", message: "Does not contain a valid address." });
  }
  if (!body.from?.email) {
    errors.push({
      field: "from",
      message: "The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.",
    });
  } else if (!LOOKS_LIKE_ADDRESS.test(body.from.email)) {
    errors.push({ field: "from.email", message: "The from email does not contain a valid address." });
  }
  if (!body.subject && !body.template_id && !body.personalizations?.every((p) => p.subject)) {
    errors.push({
      field: "subject",
      message: "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.",
    });
  }
  if (!body.template_id && !body.content?.some((block) => block.value)) {
    errors.push({
      field: "content",
      message: "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block.",
    });
  }
  for (const [key, value] of Object.entries(body.custom_args ?? {})) {
    if (typeof value !== "string") errors.push({ field: `custom_args.${key}`, message: `Invalid type. Expected: string, given: ${typeof value}.` });
  }
  return errors;
}
