import type { BulkConnection } from "./bulk-connection";
import { sqlLiteral, type SqlValue } from "./sql-literal";

const ROWS_PER_STATEMENT = 500;

/** Rows for one table, written as multi-row INSERTs of a few hundred rows each. */
export class BulkTable<Column extends string> {
  readonly #prefix: string;
  readonly #columns: readonly Column[];
  #pending: string[] = [];
  #written = 0;

  constructor(
    private readonly connection: BulkConnection,
    readonly table: string,
    columns: readonly Column[],
  ) {
    this.#columns = columns;
    this.#prefix = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES `;
  }

  async add(row: Record<Column, SqlValue>): Promise<void> {
    this.#pending.push(`(${this.#columns.map((column) => sqlLiteral(row[column])).join(", ")})`);
    if (this.#pending.length >= ROWS_PER_STATEMENT) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.#pending.length) return;
    const values = this.#pending;
    this.#pending = [];
    await this.connection.execute(this.#prefix + values.join(", "));
    this.#written += values.length;
  }

  get written(): number {
    return this.#written + this.#pending.length;
  }
}
