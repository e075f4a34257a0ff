import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { OutgoingEmail } from "~/email/email-sender";
import { createSendgridSender } from "~/email/sendgrid-sender.server";
import { startLocalServer } from "../doubles/http-server";
import { startSendgridServer, type SendgridServer } from "../doubles/sendgrid-server";

let sendgrid: SendgridServer;

beforeAll(async () => {
  sendgrid = await startSendgridServer({ apiKey: "SG.test-key" });
});
afterAll(() => sendgrid.close());
beforeEach(() => sendgrid.reset());

function sender(overrides: { apiKey?: string | null; apiUrl?: string; timeoutMs?: number } = {}) {
  return createSendgridSender({ apiKey: "SG.test-key", apiUrl: sendgrid.apiUrl, timeoutMs: 2_000, ...overrides });
}

function email(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    to: { email: "ann@example.com", name: "Ann Lee" },
    from: { email: "hello@test-shop.example", name: "Test Shop" },
    replyTo: { email: "support@test-shop.example" },
    subject: "Ann, your cart is waiting",
    html: "<p>Hi Ann</p>",
    text: "Hi Ann",
    unsubscribeUrl: "https://comeback.example/u/tok-123",
    categories: ["abandoned-checkout", "step-1"],
    customArgs: { shop: "test-shop.myshopify.com", enrollment_id: "12", step_run_id: "34", step: "1" },
    ...overrides,
  };
}

describe("createSendgridSender", () => {
  it("sends a v3 message and reports SendGrid's message id", async () => {
    const result = await sender().send(email());

    expect(sendgrid.messages).toHaveLength(1);
    const [message] = sendgrid.messages;
    expect(result).toEqual({ status: "sent", messageId: message!.messageId });
    expect(message!.headers.authorization).toBe("Bearer SG.test-key");
    expect(message!.body).toEqual({
      personalizations: [{ to: [{ email: "ann@example.com", name: "Ann Lee" }] }],
      from: { email: "hello@test-shop.example", name: "Test Shop" },
      reply_to: { email: "support@test-shop.example" },
      subject: "Ann, your cart is waiting",
      content: [
        { type: "text/plain", value: "Hi Ann" },
        { type: "text/html", value: "<p>Hi Ann</p>" },
      ],
      categories: ["abandoned-checkout", "step-1"],
      custom_args: { shop: "test-shop.myshopify.com", enrollment_id: "12", step_run_id: "34", step: "1" },
      headers: {
        "List-Unsubscribe": "<https://comeback.example/u/tok-123>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
      tracking_settings: {
        click_tracking: { enable: false, enable_text: false },
        open_tracking: { enable: true },
      },
    });
  });

  it("leaves reply_to out when the email has none", async () => {
    await sender().send(email({ replyTo: undefined }));

    expect(sendgrid.messages[0]!.body).not.toHaveProperty("reply_to");
  });

  it("uses a client of its own, so two senders keep their own keys and hosts", async () => {
    const other = await startSendgridServer({ apiKey: "SG.other-key" });
    try {
      const first = createSendgridSender({ apiKey: "SG.other-key", apiUrl: other.apiUrl, timeoutMs: 2_000 });
      const second = sender();
      await first.send(email());
      await second.send(email());

      expect(other.messages).toHaveLength(1);
      expect(sendgrid.messages).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it("rejects with SendGrid's own words when it refuses the message (400)", async () => {
    sendgrid.respondNext({
      kind: "bad_request",
      errors: [
        { message: "The from address does not match a verified Sender Identity.", field: "from" },
        { message: "Invalid type. Expected: string, given: integer.", field: null },
      ],
    });

    const result = await sender().send(email());

    expect(result).toEqual({
      status: "rejected",
      error: "SendGrid 400: The from address does not match a verified Sender Identity. (field from); Invalid type. Expected: string, given: integer.",
    });
    expect(sendgrid.requestCount).toBe(1);
  });

  it("reports a message the real validation refuses", async () => {
    const result = await sender().send(email({ from: { email: "not-an-address" } }));

    expect(result).toEqual({ status: "rejected", error: "SendGrid 400: The from email does not contain a valid address. (field from.email)" });
  });

  it("never repeats the API key or the recipient's address in an error", async () => {
    sendgrid.respondNext({
      kind: "bad_request",
      errors: [{ message: "Key SG.test-key may not send to ANN@example.com", field: "personalizations.0.to.0.email" }],
    });

    const result = await sender().send(email());

    expect(result.status).toBe("rejected");
    const error = result.status === "rejected" ? result.error : "";
    expect(error).not.toContain("SG.test-key");
    expect(error.toLowerCase()).not.toContain("ann@example.com");
    expect(error).toBe("SendGrid 400: Key [redacted] may not send to [redacted] (field personalizations.0.to.0.email)");
  });

  it("rejects when SendGrid refuses the key (401)", async () => {
    const result = await sender({ apiKey: "SG.revoked-key" }).send(email());

    expect(result).toEqual({ status: "rejected", error: "SendGrid 401: The provided authorization grant is invalid, expired, or revoked" });
  });

  it("rejects a payload SendGrid's proxy finds too large, answered as an HTML page (413)", async () => {
    sendgrid.respondNext({ kind: "payload_too_large" });

    expect(await sender().send(email())).toEqual({ status: "rejected", error: "SendGrid 413: Payload Too Large" });
  });

  it("asks for a retry after the Retry-After seconds when rate limited (429)", async () => {
    sendgrid.respondNext({ kind: "rate_limited", retryAfter: "7" });

    const result = await sender().send(email());

    expect(result).toEqual({ status: "retryable", error: "SendGrid 429: too many requests", retryAfterMs: 7_000 });
    expect(sendgrid.requestCount).toBe(1);
  });

  it("falls back to X-RateLimit-Reset when a 429 has no Retry-After", async () => {
    sendgrid.respondNext({ kind: "rate_limited", rateLimitReset: Math.floor(Date.now() / 1000) + 30 });

    const result = await sender().send(email());

    expect(result.status).toBe("retryable");
    const delay = result.status === "retryable" ? result.retryAfterMs : undefined;
    expect(delay).toBeGreaterThan(28_000);
    expect(delay).toBeLessThanOrEqual(30_000);
  });

  it.each([500, 503] as const)("asks for a retry when SendGrid fails (%i)", async (status) => {
    sendgrid.respondNext({ kind: "server_error", status });

    expect(await sender().send(email())).toEqual({ status: "retryable", error: `SendGrid ${status}: internal error` });
  });

  it("gives up waiting after the timeout and reports the send unconfirmed, as SendGrid may still take it", async () => {
    sendgrid.respondNext({ kind: "hang" });

    const started = Date.now();
    const result = await sender({ timeoutMs: 200 }).send(email());

    expect(result).toEqual({ status: "unconfirmed", error: "SendGrid did not answer: ECONNABORTED: timeout of 200ms exceeded" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("reports a send unconfirmed when SendGrid took the message but answered after the timeout", async () => {
    sendgrid.respondNext({ kind: "accept_late", afterMs: 400 });

    const result = await sender({ timeoutMs: 200 }).send(email());

    expect(result.status).toBe("unconfirmed");
    expect(sendgrid.messages).toHaveLength(1);
  });

  it("reports a send unconfirmed when the connection drops after the request went out", async () => {
    const dropping = await startLocalServer((_request, _rawBody, response) => void response.socket?.destroy());

    const result = await sender({ apiUrl: dropping.origin }).send(email());
    await dropping.close();

    expect(result).toEqual({ status: "unconfirmed", error: expect.stringMatching(/^SendGrid did not answer: ECONNRESET: /) });
  });

  it("asks for a retry when SendGrid resets a kept-alive connection as the next request goes out on it", async () => {
    // Answers one request and keeps the connection open; closes it as idle when the next one arrives.
    const idleClosing = net.createServer((socket) => {
      let answered = false;
      socket.on("data", () => {
        if (answered) return void socket.resetAndDestroy();
        answered = true;
        socket.write("HTTP/1.1 202 Accepted\r\nX-Message-Id: first\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n");
      });
    });
    await new Promise<void>((resolve) => idleClosing.listen(0, "127.0.0.1", resolve));
    const { port } = idleClosing.address() as AddressInfo;
    const keptAlive = sender({ apiUrl: `http://127.0.0.1:${port}` });

    const first = await keptAlive.send(email());
    const second = await keptAlive.send(email());
    await new Promise((resolve) => idleClosing.close(resolve));

    expect(first).toEqual({ status: "sent", messageId: "first" });
    expect(second).toEqual({ status: "retryable", error: expect.stringMatching(/^SendGrid closed an idle connection: ECONNRESET/) });
  });

  it("asks for a retry when SendGrid cannot be reached", async () => {
    const gone = await startLocalServer(() => undefined);
    await gone.close();

    const result = await sender({ apiUrl: gone.origin }).send(email());

    expect(result).toEqual({ status: "retryable", error: expect.stringMatching(/^SendGrid unreachable: ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+$/) });
  });

  it("rejects without a request when no API key is configured", async () => {
    const result = await sender({ apiKey: null }).send(email());

    expect(result).toEqual({ status: "rejected", error: "SENDGRID_API_KEY is not set" });
    expect(sendgrid.requestCount).toBe(0);
  });
});
