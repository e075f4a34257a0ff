import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Where configuration is read from the environment: the app, what `npm start` and `npm run dev` run
 * around it, and the test suite's own settings.
 */
const CONFIGURATION_READERS = [
  "app",
  "scripts/prisma/deploy-migrations.ts", // `npm run setup`, first thing in `npm start` and `npm run dev`
  "prisma.config.ts", // read by `prisma migrate deploy`, which `npm run setup` runs on SQLite
  "vite.config.ts", // `npm run dev` and `npm run build`
  "server.ts", // `npm start`
  "test/setup",
  "test/support",
];

// `process.env.X`, and `env.X` where a function takes the environment as a parameter (readConfig, databaseUrl).
const ENVIRONMENT_READ = /\benv\.([A-Z][A-Z0-9_]*)\b/g;

function sourceFiles(entry: string): string[] {
  if (statSync(entry).isFile()) return [entry];
  return readdirSync(entry, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(ts|tsx|js|mjs)$/.test(file))
    .map((file) => path.join(entry, file));
}

const variablesRead = new Set(
  CONFIGURATION_READERS.flatMap(sourceFiles).flatMap((file) => [...readFileSync(file, "utf8").matchAll(ENVIRONMENT_READ)].map((match) => match[1]!)),
);

const configurationSection = readFileSync("README.md", "utf8").split("\n## Configuration\n")[1]!.split("\n## ")[0]!;
const variablesDocumented = new Set([...configurationSection.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((match) => match[1]!));

describe("the README's configuration table", () => {
  it("has a row for every environment variable the code reads", () => {
    expect([...variablesRead].filter((variable) => !variablesDocumented.has(variable))).toEqual([]);
  });

  it("has no row for a variable the code does not read", () => {
    expect([...variablesDocumented].filter((variable) => !variablesRead.has(variable))).toEqual([]);
  });
});
