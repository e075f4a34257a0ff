import pg from "pg";

/** The server the PostgreSQL tests create their databases on (trust auth on the development and CI machines). */
export const TEST_POSTGRESQL_SERVER = process.env.TEST_POSTGRESQL_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** Runs `work` on a connection of its own to the database `url` names, and closes it. */
export async function withPostgresql<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Database names come from the tests and benchmarks themselves, never from input: quoting keeps them exact.
export const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates, lists and drops databases on the server `serverUrl` names, through its `postgres` database. */
export function postgresqlServer(serverUrl: string = TEST_POSTGRESQL_SERVER) {
  const urlOf = (database: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const administer = <T>(work: (client: pg.Client) => Promise<T>) => withPostgresql(urlOf("postgres"), work);
  return {
    urlOf,
    /** A new database, a copy of `template` when given (PostgreSQL copies a template in milliseconds). */
    create: (name: string, template?: string) =>
      administer(async (client) => {
        await client.query(`CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ""}`);
      }),
    /** Drops the databases, closing whatever connections were left open to them. */
    drop: (names: string[]) =>
      administer(async (client) => {
        for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
      }),
    named: (prefix: string) =>
      administer(async (client) => {
        const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
        return rows.map((row) => row.datname);
      }),
  };
}
