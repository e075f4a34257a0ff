export type SqlValue = string | number | bigint | boolean | Date | null | object;

/**
 * A value written as SQL text that SQLite and PostgreSQL both read the way Prisma stores it: TRUE and
 * FALSE (SQLite keeps 1 and 0), times as ISO text with an explicit UTC offset (Prisma's SQLite format;
 * PostgreSQL's timestamp(3) keeps the same wall-clock time), JSON as a quoted string. Literals rather
 * than bound parameters keep the cost of a million-row seed in the database, not in argument marshalling.
 */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as SQL`);
    return String(value);
  }
  if (value instanceof Date) return quoted(value.toISOString().replace("Z", "+00:00"));
  return quoted(typeof value === "string" ? value : JSON.stringify(value));
}

function quoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
