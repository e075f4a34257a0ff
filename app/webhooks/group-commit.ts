/**
 * Commits items in shared batches: the first item to arrive while nothing is being committed goes at
 * once, alone; whatever arrives while a commit runs waits for it and goes in the next one, up to
 * `maxBatch` at a time. An idle server answers as fast as one item at a time, and a busy one pays a
 * transaction's fixed cost once per batch instead of once per item.
 *
 * `commit` answers every item of its batch, in order, with its result or the error that item failed with.
 */
export function groupCommit<Item, Result>(
  commit: (items: Item[]) => Promise<Array<Result | CommitFailure>>,
  { maxBatch }: { maxBatch: number },
): (item: Item) => Promise<Result> {
  const waiting: Array<{ item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }> = [];
  let committing = false;

  async function drain() {
    committing = true;
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
      if (!committing) void drain();
    });
}

/** One item's failure inside a batch that otherwise committed. */
export class CommitFailure {
  constructor(readonly error: unknown) {}
}
