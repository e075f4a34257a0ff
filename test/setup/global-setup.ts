import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { TEMPLATE_DATABASE, TEST_TMP } from "./paths";

/** Applies the committed migrations once, with Prisma's own deploy command; every test file copies the result. */
export default function setup() {
  rmSync(TEST_TMP, { recursive: true, force: true });
  mkdirSync(TEST_TMP, { recursive: true });
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE_DATABASE}` },
    stdio: "pipe",
  });
  return () => rmSync(TEST_TMP, { recursive: true, force: true });
}
