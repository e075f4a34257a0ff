import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const bin = (name: string) => path.resolve("node_modules/.bin", name);
const SERVER_BUILD = path.resolve("build/server/index.js");

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

/** Builds the production bundle unless the one in build/ is newer than every source file. */
export function ensureBuild(log: (line: string) => void): void {
  if (existsSync(SERVER_BUILD) && statSync(SERVER_BUILD).mtimeMs > newestChange(path.resolve("app"))) return;
  log("Building the app (remix vite:build)…");
  execFileSync(bin("remix"), ["vite:build"], { env: { ...process.env, NODE_ENV: "production" }, stdio: "ignore" });
}

export function applyMigrations(env: NodeJS.ProcessEnv): void {
  execFileSync(bin("prisma"), ["migrate", "deploy"], { env, stdio: "ignore" });
}

/** Starts the production build on `port` with `env`, and waits until its health route answers. */
export async function startAppServer(port: number, env: NodeJS.ProcessEnv): Promise<{ origin: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(bin("remix-serve"), [SERVER_BUILD], {
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
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
