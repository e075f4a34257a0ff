// `npm run migration -- <name>`: writes the migration from the committed schema (HEAD) to the edited
// prisma/schema.prisma once for SQLite and once for PostgreSQL, then regenerates both clients.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { postgresqlSchemaFrom, SQLITE_SCHEMA, writePostgresqlSchema } from "./postgresql-schema.mjs";

const name = process.argv[2];
if (!/^[a-z0-9_]+$/.test(name ?? "")) {
  console.error("Usage: npm run migration -- <name in snake_case>");
  process.exit(1);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "comeback-migration-"));
const scratchFile = (file, text) => {
  writeFileSync(path.join(scratch, file), text);
  return path.join(scratch, file);
};
const before = execFileSync("git", ["show", `HEAD:${SQLITE_SCHEMA}`], { encoding: "utf8" });
const databases = [
  { folder: "prisma/migrations", from: scratchFile("sqlite.prisma", before), to: SQLITE_SCHEMA },
  { folder: "prisma/postgresql/migrations", from: scratchFile("postgresql.prisma", postgresqlSchemaFrom(before)), to: writePostgresqlSchema() },
];

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const { folder, from, to } of databases) {
  // Diffing two schema files reads no database, so the embedded default's URL is enough for the CLI.
  const script = execFileSync("prisma", ["migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "file:./diff-only.sqlite" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (script.includes("This is an empty migration.")) {
    console.log(`${folder}: the schema has not changed since HEAD`);
    continue;
  }
  const target = path.join(folder, `${stamp}_${name}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(path.join(target, "migration.sql"), script);
  console.log(`Wrote ${target}/migration.sql`);
}
execFileSync("node", ["scripts/postinstall.mjs"], { stdio: "inherit" });
