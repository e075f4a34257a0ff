// PostgreSQL's Prisma schema is derived from prisma/schema.prisma, the one source: the same models with
// the datasource's provider swapped, and a client generated into a folder of its own so the SQLite
// client stays the default `@prisma/client`.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRESQL_SCHEMA = "prisma/postgresql/schema.prisma";
export const POSTGRESQL_CLIENT_FOLDER = "node_modules/.prisma/client-postgresql";

export function postgresqlSchemaFrom(source) {
  const swapped = source.replace(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
  if (swapped === source) throw new Error(`${SQLITE_SCHEMA} has no sqlite datasource to derive PostgreSQL's from`);
  const clientOutput = path.relative(path.dirname(POSTGRESQL_SCHEMA), POSTGRESQL_CLIENT_FOLDER);
  const withOutput = swapped.replace(/(generator client \{[^}]*engineType\s*=\s*"client")/, `$1\n  output     = "${clientOutput}"`);
  if (withOutput === swapped) throw new Error(`${SQLITE_SCHEMA}'s generator has no engineType = "client" line`);
  return `// Derived from ${SQLITE_SCHEMA} by scripts/prisma/postgresql-schema.mjs: edit that file, not this one.\n${withOutput}`;
}

export function writePostgresqlSchema(root = process.cwd()) {
  const target = path.join(root, POSTGRESQL_SCHEMA);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, postgresqlSchemaFrom(readFileSync(path.join(root, SQLITE_SCHEMA), "utf8")));
  return target;
}
