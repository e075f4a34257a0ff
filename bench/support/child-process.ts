import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface TsChild {
  child: ChildProcess;
  /** Sends a request over IPC and resolves with the child's next message. */
  ask<T>(request: unknown): Promise<T>;
  /** Asks the child to stop ("close") and waits for it to exit. */
  close(): Promise<void>;
}

/**
 * Starts a TypeScript file of bench/support in a Node process of its own (this Node, 22, with tsx's
 * loader), and waits for its first IPC message: what it reports once it is ready.
 */
export async function startTsChild<Ready>(file: string, env: NodeJS.ProcessEnv = process.env, nodeOptions: string[] = []): Promise<{ process: TsChild; ready: Ready }> {
  const child = spawn(process.execPath, [...nodeOptions, "--import", "tsx", path.resolve("bench/support", file)], {
    env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      const exited = (code: number | null) => reject(new Error(`${file} exited (${code}) before answering`));
      child.once("exit", exited);
      child.once("message", (message) => {
        child.off("exit", exited);
        resolve(message as T);
      });
    });
  const ready = await next<Ready>();
  return {
    ready,
    process: {
      child,
      ask<T>(request: unknown) {
        const answer = next<T>();
        child.send(request as string);
        return answer;
      },
      close: () =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.send("close");
        }),
    },
  };
}
