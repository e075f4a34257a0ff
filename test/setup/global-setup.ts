import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import type { DatabaseProvider } from "~/db/driver-adapter.server";
import { deployPostgresqlMigrations } from "~/db/postgresql-migrations.server";
import { postgresqlServer } from "../support/postgresql";
import { TEST_TMP_ROOT } from "./paths";

/**
 * Migrates one template database per run with the deploy command's own code (Prisma's `migrate deploy`
 * for SQLite, Comeback's deployer for PostgreSQL); every test file gets a copy of it.
 */
export default async function setup(project: TestProject) {
  const database = project.config.provide.database as DatabaseProvider;
  mkdirSync(TEST_TMP_ROOT, { recursive: true });
  const runDirectory = mkdtempSync(path.join(TEST_TMP_ROOT, "run-"));
  project.provide("runDirectory", runDirectory);
  const dropTemplate = database === "postgresql" ? await migratePostgresqlTemplate(project) : migrateSqliteTemplate(project, runDirectory);
  return async () => {
    await dropTemplate();
    rmSync(runDirectory, { recursive: true, force: true });
  };
}

function migrateSqliteTemplate(project: TestProject, runDirectory: string) {
  const templateDatabase = path.join(runDirectory, "template.sqlite");
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${templateDatabase}` },
    stdio: "pipe",
  });
  project.provide("templateDatabase", templateDatabase);
  return async () => {};
}

async function migratePostgresqlTemplate(project: TestProject) {
  // Each file's database is named after the template, so whatever a crashed file left is dropped too.
  const templateDatabase = `comeback_test_${randomBytes(4).toString("hex")}`;
  const server = postgresqlServer();
  await server.create(templateDatabase);
  await deployPostgresqlMigrations(server.urlOf(templateDatabase));
  project.provide("templateDatabase", templateDatabase);
  return async () => server.drop(await server.named(templateDatabase));
}
