/**
 * Groups keys under their shops, for one query about many shops whose filter still pairs every key
 * with its own shop: `OR: byShop(pairs).map(([shop, ids]) => ({ shop, id: { in: ids } }))`.
 */
export function byShop<Key>(pairs: Iterable<readonly [shop: string, key: Key]>): Array<[shop: string, keys: Key[]]> {
  const groups = new Map<string, Set<Key>>();
  for (const [shop, key] of pairs) {
    const keys = groups.get(shop) ?? new Set<Key>();
    groups.set(shop, keys.add(key));
  }
  return [...groups].map(([shop, keys]) => [shop, [...keys]]);
}

/** The key a row of a shop is found under in a map of a batch's rows. */
export const shopKey = (shop: string, key: number | string) => `${shop}\n${key}`;
