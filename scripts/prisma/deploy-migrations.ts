// `npm run setup`: applies the committed migrations of the database DATABASE_URL names.
import { execFileSync } from "node:child_process";
import { databaseProvider, databaseUrl } from "../../app/db/driver-adapter.server";
import { deployPostgresqlMigrations } from "../../app/db/postgresql-migrations.server";

const url = databaseUrl();
if (databaseProvider(url) === "sqlite") {
  execFileSync("prisma", ["migrate", "deploy"], { stdio: "inherit" });
} else {
  const applied = await deployPostgresqlMigrations(url);
  console.log(applied.length ? `Applied PostgreSQL migrations: ${applied.join(", ")}` : "PostgreSQL: all migrations have been applied.");
}
