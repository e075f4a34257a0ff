import { randomUUID } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { API_KEY, API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";
import { afterAll, inject } from "vitest";
import { closeNetwork } from "../support/network";

// Runs before each test file's imports: the app reads its configuration and opens its database on import.
const databaseFile = path.join(inject("runDirectory"), `${randomUUID()}.sqlite`);
copyFileSync(inject("templateDatabase"), databaseFile);

Object.assign(process.env, {
  DATABASE_URL: `file:${databaseFile}`,
  SHOPIFY_API_KEY: API_KEY,
  SHOPIFY_API_SECRET: API_SECRET_KEY,
  SHOPIFY_APP_URL: APP_URL,
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
});

// Shopify's node adapter captures fetch when first imported, so this must run before the app loads.
closeNetwork();

afterAll(async () => {
  const { db } = await import("~/db/client.server");
  await db.$disconnect();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(databaseFile + suffix, { force: true });
});
