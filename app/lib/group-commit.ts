/**
 * Commits items in shared batches, up to `maxBatch` at a time: a busy server pays a transaction's
 * fixed cost once per batch instead of once per item. An item that arrives while nothing is being
 * committed waits `delayMs` for others to join it (what PostgreSQL's commit_delay does for its own
 * commits); whatever arrives while a commit runs goes in the next one. The wait matters most on SQLite,
 * whose driver is synchronous: a transaction never yields to the event loop, so nothing can arrive
 * during it, and without the wait every batch of a moderately busy server would hold one item.
 *
 * `commit` answers every item of its batch, in order, with its result or the error that item failed with.
 */
export function groupCommit<Item, Result>(
  commit: (items: Item[]) => Promise<Array<Result | CommitFailure>>,
  { maxBatch, delayMs }: { maxBatch: number; delayMs: number },
): (item: Item) => Promise<Result> {
  const waiting: Array<{ item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }> = [];
  let committing = false;

  async function drain() {
    while (waiting.length) {
      const batch = waiting.splice(0, maxBatch);
      try {
        const results = await commit(batch.map(({ item }) => item));
        batch.forEach(({ resolve, reject }, index) => {
          const result = results[index]!;
          if (result instanceof CommitFailure) reject(result.error);
          else resolve(result);
        });
      } catch (error) {
        for (const { reject } of batch) reject(error);
      }
    }
    committing = false;
  }

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!committing) {
        committing = true;
        setTimeout(() => void drain(), delayMs);
      }
    });
}

/** One item's failure inside a batch that otherwise committed. */
export class CommitFailure {
  constructor(readonly error: unknown) {}
}

/**
 * Commits the items together; when that fails, each alone, so that one item's failure never fails
 * another's. An item that fails alone too is answered with its error.
 */
export async function togetherOrApart<Item, Result>(items: Item[], commit: (items: Item[]) => Promise<Result[]>): Promise<Array<Result | CommitFailure>> {
  try {
    return await commit(items);
  } catch (error) {
    if (items.length === 1) return [new CommitFailure(error)];
    const results: Array<Result | CommitFailure> = [];
    for (const item of items) results.push(...(await togetherOrApart([item], commit)));
    return results;
  }
}
