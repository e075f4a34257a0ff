import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { databaseProvider, databaseUrl, type DatabaseProvider } from "~/db/driver-adapter.server";
import { postgresqlServer, TEST_POSTGRESQL_SERVER } from "../../test/support/postgresql";

export interface BenchDatabase {
  kind: DatabaseProvider;
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
 * test server), dropped first if a crashed run left it.
 */
export async function createBenchDatabase(kind: DatabaseProvider, name: string, runFolder: string, keep: boolean): Promise<BenchDatabase> {
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
  const configured = databaseUrl();
  const serverUrl = databaseProvider(configured) === "postgresql" ? configured : TEST_POSTGRESQL_SERVER;
  const server = postgresqlServer(serverUrl);
  const databaseName = `comeback_bench_${name.replace(/\W/g, "_")}`;
  await server.drop([databaseName]);
  await server.create(databaseName);
  return {
    kind: "postgresql",
    url: server.urlOf(databaseName),
    label: `${databaseName} on ${new URL(serverUrl).host}`,
    dispose: async () => {
      if (!keep) await server.drop([databaseName]);
    },
  };
}
