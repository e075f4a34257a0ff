import Database from "better-sqlite3";
import { db } from "~/db/client.server";

export interface DatabaseOutage {
  /** Gives the database back to the app. */
  end(): Promise<void>;
}

type TakeAway = (url: string) => Promise<DatabaseOutage>;

/**
 * Makes the app's database unavailable, as it is when the database is down or locked by someone else,
 * until `end()`. One way per database the suite runs on, chosen by DATABASE_URL (test/setup/per-file.ts).
 */
const OUTAGES: Array<{ matches: (url: string) => boolean; takeAway: TakeAway }> = [{ matches: (url) => url.startsWith("file:"), takeAway: lockSqliteFile }];

const outageFor = (url: string) => OUTAGES.find((outage) => outage.matches(url));

export const canTakeDatabaseAway = (): boolean => outageFor(process.env.DATABASE_URL ?? "") !== undefined;

export function takeDatabaseAway(): Promise<DatabaseOutage> {
  const url = process.env.DATABASE_URL ?? "";
  const outage = outageFor(url);
  if (!outage) throw new Error(`No database outage for ${url.split(":")[0]} yet: add one to test/support/database-outage.ts`);
  return outage.takeAway(url);
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
