import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { deployPostgresqlMigrations, POSTGRESQL_MIGRATIONS } from "~/db/postgresql-migrations.server";
import { postgresqlServer, withPostgresql } from "../support/postgresql";

const COMMITTED = readdirSync(POSTGRESQL_MIGRATIONS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const server = postgresqlServer();
const created: string[] = [];
let databases = 0;
async function emptyDatabase(): Promise<string> {
  const name = `${inject("templateDatabase")}_migrations_${++databases}`;
  await server.create(name);
  created.push(name);
  return server.urlOf(name);
}
afterAll(() => server.drop(created));

const query = <T extends pg.QueryResultRow>(url: string, sql: string) => withPostgresql(url, async (client) => (await client.query<T>(sql)).rows);

const recorded = (url: string) =>
  query<{ migration_name: string; checksum: string; finished_at: Date | null }>(url, `SELECT * FROM "_prisma_migrations" ORDER BY "migration_name"`);

/** Every column and index, in a form two databases can be compared by. */
async function shape(url: string) {
  const columns = await query(
    url,
    `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`,
  );
  const indexes = await query(url, `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`);
  const constraints = await query(
    url,
    `SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY conname`,
  );
  return { columns, indexes, constraints };
}

describe.runIf(inject("database") === "postgresql")("deploying the PostgreSQL migrations", () => {
  it("applies every committed migration once, recorded as Prisma records them, and nothing on a second deploy", async () => {
    const url = await emptyDatabase();
    expect(await deployPostgresqlMigrations(url)).toEqual(COMMITTED);
    const rows = await recorded(url);
    expect(rows.map((row) => row.migration_name)).toEqual(COMMITTED);
    for (const row of rows) expect(row).toMatchObject({ checksum: expect.stringMatching(/^[0-9a-f]{64}$/), finished_at: expect.any(Date) });
    expect(await deployPostgresqlMigrations(url)).toEqual([]);
    expect(await recorded(url)).toHaveLength(COMMITTED.length);
  });

  it("lets instances that start together deploy at once: each migration is applied by exactly one", async () => {
    const url = await emptyDatabase();
    const applied = await Promise.all([deployPostgresqlMigrations(url), deployPostgresqlMigrations(url), deployPostgresqlMigrations(url)]);
    expect(applied.flat().sort()).toEqual(COMMITTED);
    expect(await recorded(url)).toHaveLength(COMMITTED.length);
  });

  it("builds exactly the database the Prisma schema describes", async () => {
    const migrated = await emptyDatabase();
    await deployPostgresqlMigrations(migrated);
    const fromSchema = await emptyDatabase();
    const script = execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/postgresql/schema.prisma", "--script"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      env: { ...process.env, DATABASE_URL: "file:./diff-only.sqlite" },
    });
    await query(fromSchema, script);
    expect(await shape(migrated)).toEqual(await shape(fromSchema));
  });

  it("leaves no trace of a migration that fails, names it, and keeps the ones before it", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    const migration = (name: string, sql: string) => {
      mkdirSync(path.join(folder, name));
      writeFileSync(path.join(folder, name, "migration.sql"), sql);
    };
    migration("1_good", `CREATE TABLE "Good" ("id" INTEGER PRIMARY KEY);`);
    migration("2_bad", `CREATE TABLE "Half" ("id" INTEGER PRIMARY KEY);\nCREATE TABLE "Broken" ("id" NOT_A_TYPE);`);
    const url = await emptyDatabase();

    await expect(deployPostgresqlMigrations(url, folder)).rejects.toThrow(/Migration 2_bad failed/);
    expect((await recorded(url)).map((row) => row.migration_name)).toEqual(["1_good"]);
    const tables = await query<{ tablename: string }>(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    expect(tables.map((row) => row.tablename)).toEqual(["Good", "_prisma_migrations"]);
  });
});
