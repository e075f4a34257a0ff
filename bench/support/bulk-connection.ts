import Database from "better-sqlite3";
import pg from "pg";
import type { BenchDatabase } from "./bench-database";

/**
 * A connection of its own for seeding, outside Prisma: plain SQL text, foreign keys unchecked (rows
 * that point at each other, a checkout and its enrollment, go in table by table), closed before the
 * app's client writes.
 */
export interface BulkConnection {
  execute(sql: string): Promise<void>;
  /** Moves PostgreSQL's id sequences past rows inserted with explicit ids; SQLite's AUTOINCREMENT follows by itself. */
  syncIdSequences(tables: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export async function openBulkConnection(database: BenchDatabase): Promise<BulkConnection> {
  return database.kind === "sqlite" ? sqliteBulkConnection(database.url) : postgresqlBulkConnection(database.url);
}

function sqliteBulkConnection(url: string): BulkConnection {
  const connection = new Database(url.replace(/^file:/, ""));
  connection.pragma("journal_mode = WAL");
  connection.pragma("foreign_keys = OFF");
  // A throwaway database being filled: no syncing, and indexes kept in memory while they grow.
  connection.pragma("synchronous = OFF");
  connection.pragma("cache_size = -500000");
  return {
    execute: async (sql) => void connection.exec(sql),
    syncIdSequences: async () => {},
    close: async () => {
      connection.pragma("optimize");
      connection.close();
    },
  };
}

async function postgresqlBulkConnection(url: string): Promise<BulkConnection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Replica mode skips foreign-key triggers for this session only.
  await client.query("SET session_replication_role = replica");
  return {
    execute: async (sql) => void (await client.query(sql)),
    async syncIdSequences(tables) {
      for (const table of tables) {
        await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT MAX(id) FROM "${table}"), 1))`);
      }
    },
    close: async () => {
      await client.query("ANALYZE");
      await client.end();
    },
  };
}
