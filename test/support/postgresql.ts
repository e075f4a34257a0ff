import pg from "pg";

/** The server the PostgreSQL tests create their databases on (trust auth on the development and CI machines). */
export const POSTGRESQL_SERVER_URL = process.env.TEST_POSTGRESQL_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function postgresqlDatabaseUrl(database: string): string {
  const url = new URL(POSTGRESQL_SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRESQL_SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Database names come from the tests themselves, never from input: quoting keeps them exact.
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A new database, a copy of `template` when given (PostgreSQL copies a template in milliseconds). */
export function createPostgresqlDatabase(name: string, template?: string): Promise<void> {
  return onServer(async (client) => {
    await client.query(`CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ""}`);
  });
}

/** Drops the databases, closing whatever connections a test left open to them. */
export function dropPostgresqlDatabases(names: string[]): Promise<void> {
  return onServer(async (client) => {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
  });
}

export function postgresqlDatabasesNamed(prefix: string): Promise<string[]> {
  return onServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    return rows.map((row) => row.datname);
  });
}
