import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

// Starting the production build for the demo and for the tests that need a real server.

const bin = (name: string) => path.resolve("node_modules/.bin", name);
const SERVER_BUILD = path.resolve("build/server/index.js");
const SERVER = path.resolve("server.ts");
const BUILD_LOCK = path.resolve(".build-lock");
const STALE_LOCK_MS = 5 * 60_000;

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function newestChange(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce((newest, entry) => {
    const full = path.join(folder, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs);
  }, 0);
}

function buildIsFresh(): boolean {
  return existsSync(SERVER_BUILD) && statSync(SERVER_BUILD).mtimeMs > newestChange(path.resolve("app"));
}

/**
 * Builds the production bundle unless the one in build/ is newer than every source file. Test files
 * run in parallel, so one builds while the others wait on a lock directory (mkdir is atomic).
 */
export async function ensureBuild(log: (line: string) => void = () => {}): Promise<void> {
  for (;;) {
    if (buildIsFresh()) return;
    try {
      mkdirSync(BUILD_LOCK);
    } catch {
      // A lock left by a build that crashed is taken over after a while.
      const lock = statSync(BUILD_LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) rmSync(BUILD_LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      if (buildIsFresh()) return;
      log("Building the app (remix vite:build)…");
      execFileSync(bin("remix"), ["vite:build"], { env: { ...process.env, NODE_ENV: "production" }, stdio: "ignore" });
      return;
    } finally {
      rmSync(BUILD_LOCK, { recursive: true, force: true });
    }
  }
}

export function applyMigrations(env: NodeJS.ProcessEnv): void {
  execFileSync(bin("prisma"), ["migrate", "deploy"], { env, stdio: "ignore" });
}

/** Starts the production build on `port` with `env`, and waits until its health route answers. */
export async function startAppServer(port: number, env: NodeJS.ProcessEnv): Promise<{ origin: string; pid: number | undefined; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(bin("node"), [SERVER, SERVER_BUILD], {
    env: { ...env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      if (Date.now() > deadline) throw new Error("The app did not start within 30 seconds");
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return {
    origin,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
