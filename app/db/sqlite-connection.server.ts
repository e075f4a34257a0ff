import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { Database, Statement } from "better-sqlite3";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

// WAL lets other processes (a second sequencer, the CLI) read while this one writes.
const CONNECTION_PRAGMAS = "PRAGMA journal_mode = WAL;";

/** The process's connection as Prisma opened it: the driver's handle, its kept statements and its lock. */
export interface SqliteConnection {
  database: Database;
  statements: KeptStatements;
  lock: Lock;
}

/**
 * A SQLite connection is one handle shared by the whole process. Prisma's better-sqlite3 adapter
 * only serializes transactions, so a query from another request issued while an interactive
 * transaction awaits would run inside that transaction, see its uncommitted rows, and be rolled back
 * with it. Connections made here make every statement outside a transaction wait for it to end.
 * `connection()` answers the connection Prisma opened last (undefined before it connects), for the
 * direct transactions that take the same lock (sqlite-direct.server.ts).
 */
export function sqliteConnectionFactory(file: string): SqlMigrationAwareDriverAdapterFactory & { connection(): SqliteConnection | undefined } {
  const factory = new PrismaBetterSQLite3({ url: file });
  let current: SqliteConnection | undefined;
  const open = async (adapter: SqlDriverAdapter) => {
    const database = (adapter as unknown as { client: Database }).client;
    const connection = { database, statements: reuseStatements(database), lock: new Lock() };
    await adapter.executeScript(CONNECTION_PRAGMAS);
    return { connection, adapter: serialized(adapter, connection.lock) };
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const opened = await open(await factory.connect());
      current = opened.connection;
      return opened.adapter;
    },
    connectToShadowDb: async () => (await open(await factory.connectToShadowDb())).adapter,
    connection: () => current,
  };
}

function serialized(adapter: SqlDriverAdapter, lock: Lock): SqlDriverAdapter {
  const exclusively = async <T>(work: () => Promise<T>): Promise<T> => {
    const release = await lock.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  };

  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query: SqlQuery) => exclusively(() => adapter.queryRaw(query)),
    executeRaw: (query: SqlQuery) => exclusively(() => adapter.executeRaw(query)),
    executeScript: (script: string) => exclusively(() => adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      const release = await lock.acquire();
      try {
        return releasingOnEnd(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
  };
}

function releasingOnEnd(transaction: Transaction, release: () => void): Transaction {
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(query),
    executeRaw: (query) => transaction.executeRaw(query),
    commit: () => transaction.commit().finally(release),
    rollback: () => transaction.rollback().finally(release),
  };
}

/** A FIFO async mutex: acquire() resolves with the function that hands the lock to the next waiter. */
export class Lock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const granted = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return granted;
  }
}

/** Distinct statements kept compiled; the app runs a few hundred. */
const KEPT_STATEMENTS = 1_000;

/**
 * better-sqlite3 compiles SQL in `prepare`, and Prisma's adapter prepares every statement it runs
 * anew: the same few hundred statements, thousands of times a minute, each compiled again. Here
 * `prepare` keeps compiled statements by their SQL (the least recently used go first) and hands one
 * out with each call's parameters. A kept statement can only be bound once, so what `prepare` returns
 * takes its parameters at bind() and passes them to each run; it offers what the adapter (pinned to
 * 6.19.3) uses of a statement: run, or bind and then reader, run, columns and raw().all().
 */
function reuseStatements(database: Database): KeptStatements {
  const statements = new KeptStatements(database.prepare.bind(database) as (source: string) => Statement<unknown[]>);
  database.prepare = ((source: string) => withParametersOnEachRun(statements.get(source))) as unknown as Database["prepare"];
  return statements;
}

/** Compiled statements by their SQL, the least recently used dropped past KEPT_STATEMENTS. */
export class KeptStatements {
  readonly #kept = new Map<string, Statement<unknown[]>>();

  constructor(private readonly compile: (source: string) => Statement<unknown[]>) {}

  get(source: string): Statement<unknown[]> {
    let statement = this.#kept.get(source);
    if (statement) this.#kept.delete(source);
    else statement = this.compile(source);
    this.#kept.set(source, statement);
    if (this.#kept.size > KEPT_STATEMENTS) this.#kept.delete(this.#kept.keys().next().value!);
    return statement;
  }
}

function withParametersOnEachRun(statement: Statement<unknown[]>) {
  return {
    run: () => statement.run(),
    bind: (parameters: unknown[]) => ({
      reader: statement.reader,
      run: () => statement.run(parameters),
      columns: () => statement.columns(),
      raw: () => ({ all: () => statement.raw(true).all(parameters) }),
    }),
  };
}
