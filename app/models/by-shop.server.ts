import type { Prisma } from "@prisma/client";
import { sql } from "~/db/client.server";

/**
 * Groups keys under their shops, for one query about many shops whose filter still pairs every key
 * with its own shop.
 */
export function byShop<Key>(pairs: Iterable<readonly [shop: string, key: Key]>): Array<[shop: string, keys: Key[]]> {
  const groups = new Map<string, Set<Key>>();
  for (const [shop, key] of pairs) {
    const keys = groups.get(shop) ?? new Set<Key>();
    groups.set(shop, keys.add(key));
  }
  return [...groups].map(([shop, keys]) => [shop, [...keys]]);
}

/**
 * A raw query for rows of several shops, each row found only under its own shop: `select` makes one
 * shop's SELECT for its keys, and the shops' are joined with UNION ALL, each on the table's index.
 * (One OR across many shops lets SQLite's planner choose a scan.) Null for no pairs: nothing to read.
 */
export function eachShopsOwn<Key>(pairs: Iterable<readonly [shop: string, key: Key]>, select: (shop: string, keys: Key[]) => Prisma.Sql): Prisma.Sql | null {
  const selects = byShop(pairs).map(([shop, keys]) => select(shop, keys));
  return selects.length ? sql.join(selects, " UNION ALL ") : null;
}

/** The key a row of a shop is found under in a map of a batch's rows. */
export const shopKey = (shop: string, key: number | string) => `${shop}\n${key}`;
