import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { MailSendBody } from "../../test/doubles/sendgrid-server";

type Mailbox = { email?: string; name?: string };

/** Keeps every message the demo's SendGrid stand-in accepts as an .eml (openable in any mail client) and an .html file. */
export function createMailFolder(folder: string) {
  mkdirSync(folder, { recursive: true });
  let count = 0;
  return {
    folder,
    keep(body: MailSendBody, messageId: string, sentAt: Date): void {
      count += 1;
      const to = body.personalizations?.[0]?.to?.[0]?.email ?? "unknown";
      const name = `${String(count).padStart(4, "0")}-${to.split("@")[0]}-step${body.custom_args?.step ?? "x"}`;
      writeFileSync(path.join(folder, `${name}.eml`), toEml(body, messageId, sentAt));
      writeFileSync(path.join(folder, `${name}.html`), part(body, "text/html"));
    },
  };
}

function part(body: MailSendBody, type: string): string {
  return body.content?.find((content) => content.type === type)?.value ?? "";
}

/** RFC 5322 with a multipart/alternative body; non-ASCII headers use RFC 2047 encoded words. */
export function toEml(body: MailSendBody, messageId: string, sentAt: Date): string {
  const boundary = `comeback-${messageId}`;
  const to = body.personalizations?.[0]?.to?.[0] ?? {};
  const headers = [
    `From: ${mailbox(body.from ?? {})}`,
    `To: ${mailbox(to)}`,
    ...(body.reply_to ? [`Reply-To: ${mailbox(body.reply_to)}`] : []),
    `Subject: ${encodedWord(body.subject ?? "")}`,
    `Date: ${sentAt.toUTCString()}`,
    `Message-ID: <${messageId}@comeback.demo>`,
    ...Object.entries(body.headers ?? {}).map(([header, value]) => `${header}: ${value}`),
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const section = (type: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=UTF-8`, "Content-Transfer-Encoding: base64", "", base64Lines(part(body, type))].join("\r\n");
  return [...headers, "", section("text/plain"), section("text/html"), `--${boundary}--`, ""].join("\r\n");
}

function mailbox({ email = "", name }: Mailbox): string {
  return name ? `${encodedWord(name)} <${email}>` : `<${email}>`;
}

function encodedWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text).toString("base64")}?=`;
}

function base64Lines(text: string): string {
  return (Buffer.from(text).toString("base64").match(/.{1,76}/g) ?? []).join("\r\n");
}
