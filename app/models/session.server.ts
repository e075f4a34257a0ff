import type { Db } from "~/db/client.server";

export async function deleteSessions(db: Db, shop: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { shop } });
  return count;
}
