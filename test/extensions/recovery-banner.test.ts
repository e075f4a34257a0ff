import { execFile } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const EXTENSION = path.resolve("extensions/recovery-banner");
const read = (file: string) => readFileSync(path.join(EXTENSION, file), "utf8");
const keys = (value: unknown, prefix = ""): string[] =>
  value && typeof value === "object" ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`)) : [prefix.slice(0, -1)];

describe("the recovery banner theme app extension", () => {
  it("passes Shopify's theme check for app extensions", async () => {
    const { stdout } = await run(path.resolve("node_modules/.bin/shopify"), ["theme", "check", "--path", EXTENSION, "-C", "theme-check:theme-app-extension", "--output", "json"]);
    const reports = JSON.parse(stdout) as { path: string; offenses: unknown[] }[];
    expect(reports.flatMap((report) => report.offenses)).toEqual([]);
  });

  it("is an app embed in the body, loading its script and stylesheet through the schema (so Shopify defers them)", () => {
    const schema = JSON.parse(/\{% schema %\}([\s\S]*)\{% endschema %\}/.exec(read("blocks/recovery-banner.liquid"))![1]!);
    expect(schema).toMatchObject({ target: "body", javascript: "recovery-banner.js", stylesheet: "recovery-banner.css" });
    expect(schema.settings.map((setting: { id: string }) => setting.id)).toEqual([
      "enabled",
      "message",
      "button_text",
      "background_color",
      "text_color",
      "button_color",
      "position",
      "show_code",
      "delay_seconds",
    ]);
  });

  it("speaks English and Korean, on the storefront and in the theme editor", () => {
    expect(keys(JSON.parse(read("locales/ko.json"))).sort()).toEqual(keys(JSON.parse(read("locales/en.default.json"))).sort());
    expect(keys(JSON.parse(read("locales/ko.schema.json"))).sort()).toEqual(keys(JSON.parse(read("locales/en.default.schema.json"))).sort());
  });

  it("keeps its script to a few KB", () => {
    expect(gzipSync(readFileSync(path.join(EXTENSION, "assets/recovery-banner.js"))).length).toBeLessThan(2_048);
    expect(statSync(path.join(EXTENSION, "assets/recovery-banner.js")).size).toBeLessThan(10_000);
  });
});
