/** A map holding at most `capacity` entries; adding one more forgets the least recently used. */
export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) this.#touch(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.#touch(key, value);
    const oldest = this.#entries.keys().next();
    if (this.#entries.size > this.capacity && !oldest.done) this.#entries.delete(oldest.value);
  }

  // A Map iterates in insertion order, so re-inserting moves a key to the most recent end.
  #touch(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
  }
}
