import { randomBytes, randomUUID } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { API_KEY, API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";
import { afterAll, inject } from "vitest";
import { closeNetwork } from "../support/network";
import { postgresqlServer } from "../support/postgresql";

// Runs before each test file's imports: the app reads its configuration and opens its database on import.
const template = inject("templateDatabase");
const { url: databaseUrl, drop: dropDatabase } = inject("database") === "postgresql" ? await copyPostgresqlTemplate() : copySqliteTemplate();

function copySqliteTemplate() {
  const file = path.join(inject("runDirectory"), `${randomUUID()}.sqlite`);
  copyFileSync(template, file);
  return { url: `file:${file}`, drop: async () => ["", "-wal", "-shm"].forEach((suffix) => rmSync(file + suffix, { force: true })) };
}

async function copyPostgresqlTemplate() {
  const server = postgresqlServer();
  const name = `${template}_${randomBytes(6).toString("hex")}`;
  await server.create(name, template);
  return { url: server.urlOf(name), drop: () => server.drop([name]) };
}

Object.assign(process.env, {
  DATABASE_URL: databaseUrl,
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
  await dropDatabase();
});
