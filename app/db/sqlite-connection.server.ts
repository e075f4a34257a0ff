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

/**
 * A SQLite connection is one handle shared by the whole process. Prisma's better-sqlite3 adapter
 * only serializes transactions, so a query from another request issued while an interactive
 * transaction awaits would run inside that transaction, see its uncommitted rows, and be rolled back
 * with it. Connections made here make every statement outside a transaction wait for it to end.
 */
export function sqliteConnectionFactory(file: string): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaBetterSQLite3({ url: file });
  const open = async (adapter: SqlDriverAdapter) => {
    reuseStatements((adapter as unknown as { client: Database }).client);
    await adapter.executeScript(CONNECTION_PRAGMAS);
    return serialized(adapter);
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => open(await factory.connect()),
    connectToShadowDb: async () => open(await factory.connectToShadowDb()),
  };
}

function serialized(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new Lock();
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
class Lock {
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
function reuseStatements(database: Database): void {
  const compile = database.prepare.bind(database);
  const kept = new Map<string, Statement<unknown[]>>();
  const prepare = (source: string) => {
    let statement = kept.get(source);
    if (statement) kept.delete(source);
    else statement = compile(source) as Statement<unknown[]>;
    kept.set(source, statement);
    if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
    return withParametersOnEachRun(statement);
  };
  database.prepare = prepare as unknown as Database["prepare"];
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
