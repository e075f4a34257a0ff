import { mkdirSync } from "node:fs";
import path from "node:path";
import { sqliteConnectionFactory } from "./sqlite-connection.server";

const EMBEDDED_DATABASE_FILE = "data/comeback.sqlite";

/** DATABASE_URL, defaulting to the embedded SQLite file under the project. */
export function databaseUrl(env: Record<string, string | undefined> = process.env): string {
  return env.DATABASE_URL || `file:${path.resolve(EMBEDDED_DATABASE_FILE)}`;
}

export function createDriverAdapter(url: string = databaseUrl()) {
  const file = url.replace(/^file:/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return sqliteConnectionFactory(file);
}
