import { parseArgs } from "node:util";
import { databaseProvider, databaseUrl, type DatabaseProvider } from "~/db/driver-adapter.server";

type OptionSpec = Record<string, { type: "string" | "boolean"; default?: string | boolean }>;

/** The options every benchmark takes, besides its own: which database, and whether to keep it afterwards. */
const COMMON_OPTIONS = {
  database: { type: "string" },
  keep: { type: "boolean", default: false },
} satisfies OptionSpec;

/**
 * Parses the command line: the benchmark's own options plus `--database sqlite|postgresql` (default:
 * the scheme of DATABASE_URL, else SQLite) and `--keep` (leave the benchmark's database in place).
 */
export function parseBenchOptions<Own extends OptionSpec>(
  own: Own,
): { [Name in keyof Own]: Own[Name]["type"] extends "boolean" ? boolean : string } & { database: DatabaseProvider; keep: boolean } {
  const { values } = parseArgs({ options: { ...COMMON_OPTIONS, ...own }, strict: true });
  const parsed = values as Record<string, string | boolean | undefined>;
  const options = { ...parsed, keep: parsed.keep === true, database: databaseKind(parsed.database as string | undefined) };
  return options as ReturnType<typeof parseBenchOptions<Own>>;
}

function databaseKind(option: string | undefined): DatabaseProvider {
  const chosen = option ?? databaseProvider(databaseUrl());
  if (chosen !== "sqlite" && chosen !== "postgresql") throw new Error(`--database must be sqlite or postgresql, not "${chosen}"`);
  return chosen;
}

/** A whole, positive number given on the command line, e.g. `--checkouts 100000`. */
export function countOption(value: unknown, name: string): number {
  const count = Number(value);
  if (!Number.isSafeInteger(count) || count <= 0) throw new Error(`--${name} must be a positive whole number, not "${String(value)}"`);
  return count;
}
