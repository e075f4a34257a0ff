import type { PrismaClient } from "@prisma/client";
import { directTransaction } from "~/db/direct-transaction.server";
import { groupCommit, togetherOrApart } from "~/lib/group-commit";
import { markSendStarted, markSendsStarted, type Claim, type SendAttempt } from "~/models/step-run.server";
import { concludeRuns, type RunToConclude } from "./conclude-run.server";

/**
 * How an email step writes down its send: marked as started right before the provider is called, and
 * concluded once it answered. Each answers false when the run's lease was lost (or, marking, when its
 * enrollment ended).
 */
export interface SendRecords {
  markStarted(claim: Claim, attempt: SendAttempt, at: Date): Promise<boolean>;
  concludeSent(run: RunToConclude): Promise<boolean>;
}

/** Each send written on its own, as a merchant's "send now" does. */
export function sendRecordsAlone(db: PrismaClient): SendRecords {
  return {
    markStarted: (claim, attempt, at) => markSendStarted(db, claim, attempt, at),
    concludeSent: async (run) => (await concludeRuns(db, [run]))[0]!,
  };
}

/** Marks or conclusions written in one statement or transaction at most. */
const GROUP_LIMIT = 64;
/** How long a mark or conclusion that finds nothing being written waits for others. */
const GROUP_DELAY_MS = 2;

/**
 * The sends of a tick written together: the marks of sends about to start share one statement, and
 * the conclusions of sends that answered share one transaction, so a busy tick pays for a statement's
 * round trip and a commit once for several emails. Both run on the driver itself (directTransaction):
 * through Prisma's client, they cost more than the database's work. A mark still commits before its
 * own send starts. A shared write that fails is made again for each send alone, so one send's failure
 * fails no other.
 */
export function sharedSendRecords(db: PrismaClient): SendRecords {
  type Mark = { claim: Claim; attempt: SendAttempt; at: Date };
  const markStarted = groupCommit(
    (marks: Mark[]) =>
      togetherOrApart(marks, (group) => directTransaction(db, (tx) => markSendsStarted(tx, group, new Date(Math.max(...group.map(({ at }) => at.getTime())))))),
    { maxBatch: GROUP_LIMIT, delayMs: GROUP_DELAY_MS },
  );
  const concludeSent = groupCommit((runs: RunToConclude[]) => togetherOrApart(runs, (group) => concludeRuns(db, group)), {
    maxBatch: GROUP_LIMIT,
    delayMs: GROUP_DELAY_MS,
  });
  return { markStarted: (claim, attempt, at) => markStarted({ claim, attempt, at }), concludeSent };
}
