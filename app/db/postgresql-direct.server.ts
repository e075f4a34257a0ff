import pg from "pg";
import { logger } from "../lib/logger.server";
import { TRANSACTION_LIMIT_MS, type ComposeSql, type DirectDriver, type RawSql } from "./direct-transaction.server";

/** Direct transactions run a few at a time: a tick's marks and its conclusions. */
const POOL_SIZE = 4;
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;

/**
 * Direct transactions on a small pool of their own. Values come out as Prisma reads them: `timestamp`
 * columns (Prisma's DateTime, kept in UTC) as Dates, 64-bit integers as BigInts. DateTimes go in as
 * ISO 8601 text, which PostgreSQL reads as UTC whatever the process's timezone. A statement or a wait
 * for a connection longer than Prisma allows its interactive transactions fails the transaction.
 */
export function postgresqlDirectDriver(url: string, compose: ComposeSql): DirectDriver {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    allowExitOnIdle: true,
    connectionTimeoutMillis: TRANSACTION_LIMIT_MS,
    statement_timeout: TRANSACTION_LIMIT_MS,
    idle_in_transaction_session_timeout: TRANSACTION_LIMIT_MS,
  });
  // An idle connection the server closed (a restart) is dropped from the pool; without a listener, its error would end the process.
  pool.on("error", (error) => logger.warn("An idle direct database connection failed; the pool replaces it", { error }));
  return {
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        try {
          const result = await work(postgresqlRawSql(client, compose));
          await client.query("COMMIT");
          return result;
        } catch (error) {
          await client.query("ROLLBACK").catch((rollbackFailed: Error) => (broken = rollbackFailed));
          throw error;
        }
      } finally {
        client.release(broken);
      }
    },
  };
}

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP_OID) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    if (oid === INT8_OID) return (text: string) => BigInt(text);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function postgresqlRawSql(client: pg.PoolClient, compose: ComposeSql): RawSql {
  const run = (query: Parameters<ComposeSql>[0], values: unknown[]) => {
    const built = compose(query, values);
    return client.query({ text: built.text, values: built.values.map(sentValue), types });
  };
  return {
    $queryRaw: async <Row>(query: Parameters<ComposeSql>[0], ...values: unknown[]) => (await run(query, values)).rows as Row,
    $executeRaw: async (query: Parameters<ComposeSql>[0], ...values: unknown[]) => (await run(query, values)).rowCount ?? 0,
  };
}

function sentValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}
