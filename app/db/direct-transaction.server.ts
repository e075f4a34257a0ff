import type { Prisma, PrismaClient } from "@prisma/client";
import type { Db } from "./client.server";

/**
 * What the raw-SQL model functions need of a database: Prisma's client, one of its transactions, or a
 * transaction on the driver itself (directTransaction). The same statements, built with `sql`, run on all three.
 */
export interface RawSql {
  $queryRaw<Row = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<Row>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
}

/** Builds a statement the way the client's own $queryRaw does, from a Sql fragment or a tagged template's parts. */
export type ComposeSql = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) => Prisma.Sql;

/** A database's own driver, reached past Prisma's client. */
export interface DirectDriver {
  transaction<Result>(work: (tx: RawSql) => Promise<Result>): Promise<Result>;
}

/** The longest a transaction, Prisma's interactive ones (client.server.ts) or a direct one, waits to start or runs. */
export const TRANSACTION_LIMIT_MS = 10_000;

const drivers = new WeakMap<object, DirectDriver>();

export function registerDirectDriver(client: PrismaClient, driver: DirectDriver): void {
  drivers.set(client, driver);
}

/**
 * Runs `work` in one transaction on the driver of the client `db` was made with, past Prisma's client:
 * for the statements a sending tick runs for nearly every email, where Prisma's client (its query
 * compiler and the round trips of an interactive transaction) cost more than the database's work. The
 * statements and their results are the same as through Prisma. Given a transaction already (Prisma's
 * or a direct one), `work` joins it; a client without a direct driver runs it in a Prisma transaction.
 */
export function directTransaction<Result>(db: Db | RawSql, work: (tx: RawSql) => Promise<Result>): Promise<Result> {
  if (!("$transaction" in db)) return work(db);
  const driver = drivers.get(db);
  return driver ? driver.transaction(work) : db.$transaction((tx) => work(tx));
}
