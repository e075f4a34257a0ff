import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { TickReport } from "~/sequencer/run-due-steps.server";

export type WorkerRequest = { kind: "tick"; now: string };
export type WorkerReply = { kind: "ready"; workerId: string } | { kind: "ticked"; report: TickReport } | { kind: "failed"; error: string };

const WORKER_MAIN = path.resolve("test/support/sequencer-worker-main.ts");

/** One instance of the app's sequencer in a process of its own, ticking when told. */
export interface SequencerWorker {
  /** The app's own name for the process (host and pid), which starts every lease it takes. */
  workerId: string;
  /** One tick at `now`; rejects if the process dies first. */
  tick(now: Date): Promise<TickReport>;
  /** SIGKILL: the process stops at once, whatever it holds, as in a crash or an OOM kill. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Forks test/support/sequencer-worker-main.ts on this Node with tsx's loader, which resolves the `~`
 * alias from tsconfig.json. The worker reads DATABASE_URL, SENDGRID_API_URL and the rest from `env`,
 * exactly as a deployed instance does.
 */
export async function startSequencerWorker(env: NodeJS.ProcessEnv): Promise<SequencerWorker> {
  const child = fork(WORKER_MAIN, { execArgv: ["--import", "tsx"], env, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = await nextReply(child);
  if (ready.kind !== "ready") throw new Error(`The sequencer worker did not start: ${JSON.stringify(ready)}`);
  return {
    workerId: ready.workerId,
    async tick(now) {
      const reply = nextReply(child);
      child.send({ kind: "tick", now: now.toISOString() } satisfies WorkerRequest);
      const answer = await reply;
      if (answer.kind !== "ticked") throw new Error(`The tick failed: ${JSON.stringify(answer)}`);
      return answer.report;
    },
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      // Closing the IPC channel tells the worker to disconnect from the database and exit.
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}

function nextReply(child: ChildProcess): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const died = (code: number | null, signal: NodeJS.Signals | null) => reject(new Error(`The sequencer worker exited (${signal ?? code})`));
    child.once("exit", died);
    child.once("message", (reply) => {
      child.off("exit", died);
      resolve(reply as WorkerReply);
    });
  });
}
