import { describe, expect, it } from "vitest";
import { CommitFailure, groupCommit, togetherOrApart } from "~/lib/group-commit";

/** A group commit whose commits are recorded, and held open until released when `hold` is set. */
function recordingCommit({ maxBatch = 10, hold = false } = {}) {
  const batches: string[][] = [];
  const releases: Array<() => void> = [];
  const submit = groupCommit(
    async (items: string[]) => {
      batches.push(items);
      if (hold) await new Promise<void>((resolve) => releases.push(resolve));
      return items.map((item) => (item.startsWith("bad") ? new CommitFailure(new Error(`${item} failed`)) : `${item} stored`));
    },
    { maxBatch, delayMs: 2 },
  );
  return { submit, batches, releaseNext: () => releases.shift()?.() };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("groupCommit", () => {
  it("commits an item that arrives alone by itself, after the delay", async () => {
    const { submit, batches } = recordingCommit();

    expect(await submit("a")).toBe("a stored");
    expect(batches).toEqual([["a"]]);
  });

  it("commits the items that arrive within the delay together, in order, answering each its own result", async () => {
    const { submit, batches } = recordingCommit();

    const first = submit("a");
    await turn();
    const results = await Promise.all([first, submit("b"), submit("c")]);

    expect(results).toEqual(["a stored", "b stored", "c stored"]);
    expect(batches).toEqual([["a", "b", "c"]]);
  });

  it("puts what arrives during a commit in the next one, at most maxBatch at a time", async () => {
    const { submit, batches, releaseNext } = recordingCommit({ maxBatch: 2, hold: true });
    const commitsStarted = async (count: number) => {
      while (batches.length < count) await turn();
    };

    const first = submit("a");
    await commitsStarted(1);
    const later = ["b", "c", "d"].map(submit);
    releaseNext();
    await first;
    await commitsStarted(2);
    releaseNext();
    await commitsStarted(3);
    releaseNext();
    await Promise.all(later);

    expect(batches).toEqual([["a"], ["b", "c"], ["d"]]);
  });

  it("fails only the item whose commit failed, and keeps committing afterwards", async () => {
    const { submit } = recordingCommit();

    const results = await Promise.allSettled(["a", "bad b", "c"].map(submit));

    expect(results).toEqual([
      { status: "fulfilled", value: "a stored" },
      { status: "rejected", reason: new Error("bad b failed") },
      { status: "fulfilled", value: "c stored" },
    ]);
    expect(await submit("d")).toBe("d stored");
  });

  it("fails every item of a batch whose commit throws, and commits the next batch", async () => {
    let calls = 0;
    const submit = groupCommit(
      async (items: string[]) => {
        if (calls++ === 0) throw new Error("database gone");
        return items;
      },
      { maxBatch: 10, delayMs: 2 },
    );

    const failed = await Promise.allSettled(["a", "b"].map(submit));

    expect(failed.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(await submit("c")).toBe("c");
  });
});

describe("togetherOrApart", () => {
  /** A commit that refuses any batch holding a bad item, recording the batches it was given. */
  function refusingBad() {
    const batches: string[][] = [];
    const commit = async (items: string[]) => {
      batches.push(items);
      if (items.some((item) => item.startsWith("bad"))) throw new Error(`${items.join(",")} refused`);
      return items.map((item) => `${item} stored`);
    };
    return { batches, commit };
  }

  it("commits the items together when it can", async () => {
    const { batches, commit } = refusingBad();

    expect(await togetherOrApart(["a", "b"], commit)).toEqual(["a stored", "b stored"]);
    expect(batches).toEqual([["a", "b"]]);
  });

  it("commits each alone after the batch fails, answering the one that fails alone too with its error", async () => {
    const { batches, commit } = refusingBad();

    const results = await togetherOrApart(["a", "bad", "c"], commit);

    expect(results[0]).toBe("a stored");
    expect(results[1]).toBeInstanceOf(CommitFailure);
    expect((results[1] as CommitFailure).error).toEqual(new Error("bad refused"));
    expect(results[2]).toBe("c stored");
    expect(batches).toEqual([["a", "bad", "c"], ["a"], ["bad"], ["c"]]);
  });
});
