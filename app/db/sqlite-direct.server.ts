import type { Prisma } from "@prisma/client";
import { TRANSACTION_LIMIT_MS, type ComposeSql, type DirectDriver, type RawSql } from "./direct-transaction.server";
import type { KeptStatements, Lock, SqliteConnection } from "./sqlite-connection.server";

/**
 * Direct transactions on the connection Prisma opened (opening it first through `connect` if it has
 * not yet), under the same lock as Prisma's own transactions, with the same kept statements. Values go
 * in and come out as Prisma's adapter stores and reads them: DateTimes as ISO 8601 text, booleans as
 * 0 and 1; columns declared DATETIME or BOOLEAN read back as Dates and booleans, and integers as
 * numbers where declared 32-bit, else as BigInts.
 */
export function sqliteDirectDriver(connection: () => SqliteConnection | undefined, connect: () => Promise<void>, compose: ComposeSql): DirectDriver {
  return {
    async transaction(work) {
      if (!connection()) await connect();
      const { database, statements, lock } = connection()!;
      const release = await acquireWithin(lock, TRANSACTION_LIMIT_MS);
      try {
        statements.get("BEGIN").run();
        try {
          const result = await work(sqliteRawSql(statements, compose));
          statements.get("COMMIT").run();
          return result;
        } catch (error) {
          // SQLite may have rolled back already (a full disk, say).
          if (database.inTransaction) statements.get("ROLLBACK").run();
          throw error;
        }
      } finally {
        release();
      }
    },
  };
}

async function acquireWithin(lock: Lock, ms: number): Promise<() => void> {
  const granted = lock.acquire();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  const release = await Promise.race([granted, expired]);
  clearTimeout(timer);
  if (release) return release;
  // Granted later, to no one: handed straight on.
  void granted.then((late) => late());
  throw new Error(`The database stayed busy for ${ms} ms; the transaction did not start`);
}

function sqliteRawSql(statements: KeptStatements, compose: ComposeSql): RawSql {
  const prepared = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) => {
    const built = compose(query, values);
    return { statement: statements.get(built.sql), parameters: built.values.map(storedValue) };
  };
  return {
    $queryRaw<Row>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const { statement, parameters } = prepared(query, values);
      const columns = statement.columns();
      const rows = statement.raw(true).all(parameters) as unknown[][];
      return Promise.resolve(rows.map((row) => Object.fromEntries(columns.map((column, index) => [column.name, readValue(row[index], column.type)]))) as Row);
    },
    $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const { statement, parameters } = prepared(query, values);
      return Promise.resolve(statement.run(parameters).changes);
    },
  };
}

function storedValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

// Prisma's adapter reads every integer as a BigInt, then answers a column declared as a 32-bit type as a number.
const INT32_TYPES = new Set(["TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "SERIAL", "INT2"]);

function readValue(value: unknown, declaredType: string | null): unknown {
  if (value === null) return null;
  const type = declaredType?.toUpperCase();
  if (type === "DATETIME" || type === "TIMESTAMP") return new Date(typeof value === "string" ? value : Number(value));
  if (type === "BOOLEAN") return Boolean(value);
  if (typeof value === "bigint" && type && INT32_TYPES.has(type)) return Number(value);
  return value;
}
