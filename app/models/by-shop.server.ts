import type { Prisma } from "@prisma/client";
import { column, sql } from "~/db/client.server";

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
 * The WHERE condition of a raw query for rows of several shops, each row found only under its own
 * shop: `("shop" = ? AND "id" IN (…)) OR (…)`, on the table's (shop, key) or key index. Null for no
 * pairs, which nothing can match.
 */
export function eachShopsOwn<Key extends string | number>(pairs: Iterable<readonly [shop: string, key: Key]>, key: string): Prisma.Sql | null {
  const groups = byShop(pairs).map(([shop, keys]) => sql.sql`("shop" = ${shop} AND ${column(key)} IN (${sql.join(keys)}))`);
  return groups.length ? sql.join(groups, " OR ") : null;
}

/** The key a row of a shop is found under in a map of a batch's rows. */
export const shopKey = (shop: string, key: number | string) => `${shop}\n${key}`;
