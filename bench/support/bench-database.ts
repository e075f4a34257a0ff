import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { DatabaseKind } from "./bench-options";

/** The PostgreSQL server used when DATABASE_URL names none: local, trust authentication. */
const LOCAL_POSTGRESQL = "postgresql://postgres@127.0.0.1:5432/postgres";

export interface BenchDatabase {
  kind: DatabaseKind;
  /** The DATABASE_URL the app and the benchmark use. */
  url: string;
  /** What to print about it: a file or a database name. */
  label: string;
  /** Removes it, unless the benchmark was asked to keep it. */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database of the benchmark's own. Never the one DATABASE_URL names: a benchmark
 * seeds a million rows. On PostgreSQL it is `comeback_bench_<name>` on DATABASE_URL's server (or the
 * local one), dropped first if a crashed run left it.
 */
export async function createBenchDatabase(kind: DatabaseKind, name: string, runFolder: string, keep: boolean): Promise<BenchDatabase> {
  const database = kind === "sqlite" ? sqliteDatabase(name, runFolder, keep) : await postgresqlDatabase(name, keep);
  try {
    // `npm run setup` is the project's one way to migrate, whichever database the URL names.
    execFileSync("npm", ["run", "--silent", "setup"], { env: { ...process.env, DATABASE_URL: database.url }, stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    await database.dispose();
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`Could not migrate the ${kind} benchmark database: ${stderr || String(error)}`, { cause: error });
  }
  return database;
}

function sqliteDatabase(name: string, runFolder: string, keep: boolean): BenchDatabase {
  const file = path.join(runFolder, `${name}.sqlite`);
  return {
    kind: "sqlite",
    url: `file:${file}`,
    label: path.relative(process.cwd(), file),
    dispose: async () => {
      if (keep) return;
      for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    },
  };
}

async function postgresqlDatabase(name: string, keep: boolean): Promise<BenchDatabase> {
  const server = new URL(process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : LOCAL_POSTGRESQL);
  const databaseName = `comeback_bench_${name.replace(/\W/g, "_")}`;
  const maintenance = new URL(server);
  maintenance.pathname = "/postgres";
  const administer = async (sql: string) => {
    const client = new pg.Client({ connectionString: maintenance.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await administer(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await administer(`CREATE DATABASE "${databaseName}"`);
  const url = new URL(server);
  url.pathname = `/${databaseName}`;
  return {
    kind: "postgresql",
    url: url.toString(),
    label: `${databaseName} on ${server.host}`,
    dispose: async () => {
      if (!keep) await administer(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    },
  };
}
