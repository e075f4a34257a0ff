import Database from "better-sqlite3";
import { db } from "~/db/client.server";
import { databaseProvider, databaseUrl } from "~/db/driver-adapter.server";
import { postgresqlServer, quoted, withPostgresql } from "./postgresql";

export interface DatabaseOutage {
  /** Gives the database back to the app. */
  end(): Promise<void>;
}

/**
 * Makes the app's database unavailable, as it is when the database is down or locked by someone else,
 * until `end()`: one way per database the suite runs on (test/setup/per-file.ts sets DATABASE_URL).
 */
export function takeDatabaseAway(): Promise<DatabaseOutage> {
  const url = databaseUrl();
  return databaseProvider(url) === "postgresql" ? shutPostgresqlDatabase(url) : lockSqliteFile(url);
}

// better-sqlite3 waits 5 s for a lock before giving up; the outage shortens the wait so the test does not
// sit through it. What the app then meets is the same SQLITE_BUSY.
const BUSY_TIMEOUT_DURING_OUTAGE_MS = 50;

/**
 * Another connection takes SQLite's write lock and keeps it, as a backup, a migration or a stuck
 * script in another process does: every write the app attempts fails with "database is locked".
 */
async function lockSqliteFile(url: string): Promise<DatabaseOutage> {
  const [{ timeout }] = (await db.$queryRawUnsafe("PRAGMA busy_timeout")) as [{ timeout: bigint }];
  await db.$queryRawUnsafe(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_DURING_OUTAGE_MS}`);
  const lockHolder = new Database(url.slice("file:".length));
  lockHolder.exec("BEGIN IMMEDIATE");
  return {
    async end() {
      lockHolder.exec("ROLLBACK");
      lockHolder.close();
      await db.$queryRawUnsafe(`PRAGMA busy_timeout = ${timeout}`);
    },
  };
}

/**
 * The database stops accepting connections and every open one is cut, as when PostgreSQL restarts or
 * fails over: the app's pooled connections die and new ones are refused until `end()`.
 */
async function shutPostgresqlDatabase(url: string): Promise<DatabaseOutage> {
  const database = new URL(url).pathname.slice(1);
  const administration = postgresqlServer(url).urlOf("postgres");
  await withPostgresql(administration, async (client) => {
    await client.query(`ALTER DATABASE ${quoted(database)} ALLOW_CONNECTIONS false`);
    await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [database]);
  });
  return {
    end: () =>
      withPostgresql(administration, async (client) => {
        await client.query(`ALTER DATABASE ${quoted(database)} ALLOW_CONNECTIONS true`);
      }),
  };
}
