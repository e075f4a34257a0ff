import { inject } from "vitest";
import { db } from "~/db/client.server";

/**
 * Makes the database fail every insert into `table` with an I/O error, as a full or failing disk
 * would, until the returned function is called: a trigger, written in each database's own dialect.
 */
export async function refuseInserts(table: string): Promise<() => Promise<void>> {
  const trigger = `refuse_${table.toLowerCase()}`;
  if (inject("database") === "sqlite") {
    await db.$executeRawUnsafe(`CREATE TRIGGER ${trigger} BEFORE INSERT ON "${table}" BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${trigger}`));
  }
  await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk I/O error'; END $$`);
  await db.$executeRawUnsafe(`CREATE TRIGGER ${trigger} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_insert()`);
  return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${trigger} ON "${table}"`));
}
