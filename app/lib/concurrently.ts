/**
 * Runs `work` over the items with at most `limit` in flight, in order of starting. The items may come
 * from an async source (a generator claiming work in batches): lanes ask it for their next item one at
 * a time, so it is read only as fast as the work goes.
 */
export async function forEachConcurrently<T>(items: Iterable<T> | AsyncIterable<T>, limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
  const lane = async () => {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) await work(next.value);
  };
  await Promise.all(Array.from({ length: limit }, lane));
}
