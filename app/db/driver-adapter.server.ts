import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { sqliteConnectionFactory } from "./sqlite-connection.server";

const EMBEDDED_DATABASE_FILE = "data/comeback.sqlite";

export type DatabaseProvider = "sqlite" | "postgresql";

/** DATABASE_URL, defaulting to the embedded SQLite file under the project. */
export function databaseUrl(env: Record<string, string | undefined> = process.env): string {
  return env.DATABASE_URL || `file:${path.resolve(EMBEDDED_DATABASE_FILE)}`;
}

export function databaseProvider(url: string): DatabaseProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error("DATABASE_URL must be a SQLite file: URL or a postgresql:// URL");
}

export function createDriverAdapter(url: string = databaseUrl()) {
  // Idle pooled connections must not keep a server that closed on SIGTERM alive.
  if (databaseProvider(url) === "postgresql") return new PrismaPg({ connectionString: url, allowExitOnIdle: true });
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return sqliteConnectionFactory(file);
}
