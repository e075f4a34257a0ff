/**
 * Maps a key to a point in [0, 1), the same on every machine and release: FNV-1a over the key's UTF-16
 * code units, then MurmurHash3's finaliser, whose avalanche spreads keys that differ in one digit
 * (consecutive enrollment ids) across the whole interval. Not for secrets: anyone can compute it.
 */
export function unitHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  }
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}
