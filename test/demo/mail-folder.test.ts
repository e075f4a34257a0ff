import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createMailFolder, toEml } from "../../scripts/demo/mail-folder";

const body = {
  personalizations: [{ to: [{ email: "jimin@example.com", name: "김지민" }] }],
  from: { email: "hello@demo.example", name: "Demo Outfitters" },
  subject: "(광고) 장바구니가 기다리고 있어요",
  content: [
    { type: "text/plain", value: "Your cart" },
    { type: "text/html", value: "<p>Your cart</p>" },
  ],
  headers: { "List-Unsubscribe": "<https://app.example/u/t>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  custom_args: { step: "2" },
};

describe("the demo's mail folder", () => {
  it("writes a standard .eml with both parts and encoded non-ASCII headers", () => {
    const eml = toEml(body, "abc123", new Date("2026-11-23T15:00:00Z"));
    const [head, ...rest] = eml.split("\r\n\r\n");

    expect(head).toContain(`Subject: =?UTF-8?B?${Buffer.from(body.subject).toString("base64")}?=`);
    expect(head).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(head).toContain('Content-Type: multipart/alternative; boundary="comeback-abc123"');
    const encodedParts = rest.join("\r\n\r\n").split("--comeback-abc123").slice(1, 3);
    expect(encodedParts.map((section) => Buffer.from(section.split("\r\n\r\n")[1]!.replace(/\s/g, ""), "base64").toString())).toEqual([
      "Your cart",
      "<p>Your cart</p>",
    ]);
  });

  it("keeps each message as an .eml and an .html named after its recipient and step", () => {
    const folder = createMailFolder(mkdtempSync(path.join(os.tmpdir(), "mail-")));
    folder.keep(body, "abc123", new Date());

    expect(readdirSync(folder.folder).sort()).toEqual(["0001-jimin-step2.eml", "0001-jimin-step2.html"]);
    expect(readFileSync(path.join(folder.folder, "0001-jimin-step2.html"), "utf8")).toBe("<p>Your cart</p>");
  });
});
