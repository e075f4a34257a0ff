// Runs after every install under the project's own Node (node_modules/.bin/node).
// It makes sure that Node is new enough, that native addons were built for it, and that the
// Prisma clients (SQLite's and PostgreSQL's) match the schema.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { SQLITE_SCHEMA, writePostgresqlSchema } from "./prisma/postgresql-schema.mjs";

const REQUIRED_MAJOR = 22;
const major = Number(process.versions.node.split(".")[0]);
if (major < REQUIRED_MAJOR) {
  console.error(
    `Comeback needs Node ${REQUIRED_MAJOR} or newer but ran on ${process.version}. ` +
      "Run npm scripts (npm run …) so node_modules/.bin/node is used.",
  );
  process.exit(1);
}

function sqliteLoads() {
  try {
    const Database = createRequire(import.meta.url)("better-sqlite3");
    new Database(":memory:").close();
    return true;
  } catch (error) {
    if (error?.code !== "ERR_DLOPEN_FAILED") throw error;
    return false;
  }
}

// An install started under an older Node (or with an npm config naming another Node's headers)
// compiles better-sqlite3 for the wrong ABI; rebuild it against the headers shipped with this Node.
if (!sqliteLoads()) {
  const nodeHome = path.resolve(path.dirname(process.execPath), "..");
  console.log(`Rebuilding better-sqlite3 for Node ${process.version} …`);
  execFileSync("npm", ["rebuild", "better-sqlite3"], {
    stdio: "inherit",
    env: { ...process.env, npm_config_nodedir: nodeHome },
  });
  if (!sqliteLoads()) {
    console.error("better-sqlite3 still fails to load after a rebuild.");
    process.exit(1);
  }
}

// Both clients, from the same models. Prisma's CLI reads a schema only with a URL of its provider's
// kind in DATABASE_URL, whatever database this machine will use.
const generate = (schema, placeholderUrl) =>
  execFileSync("prisma", ["generate", "--schema", schema], { stdio: "inherit", env: { ...process.env, DATABASE_URL: placeholderUrl } });
generate(SQLITE_SCHEMA, "file:./generate-only.sqlite");
generate(writePostgresqlSchema(), "postgresql://localhost/generate-only");
