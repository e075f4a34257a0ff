import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { TEST_TMP_ROOT } from "./paths";

/** Applies the committed migrations once, with Prisma's own deploy command; every test file copies the result. */
export default function setup(project: TestProject) {
  mkdirSync(TEST_TMP_ROOT, { recursive: true });
  const runDirectory = mkdtempSync(path.join(TEST_TMP_ROOT, "run-"));
  const templateDatabase = path.join(runDirectory, "template.sqlite");
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${templateDatabase}` },
    stdio: "pipe",
  });
  project.provide("runDirectory", runDirectory);
  project.provide("templateDatabase", templateDatabase);
  return () => rmSync(runDirectory, { recursive: true, force: true });
}
