import { execFile, spawn, type ChildProcess } from "node:child_process";
import { copyFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { TEST_SHOP } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signedWebhookRequest } from "../doubles/shopify-webhook";
import { checkoutPayload } from "../factories/payloads";

const run = promisify(execFile);
const bin = (name: string) => path.resolve("node_modules/.bin", name);

let server: ChildProcess;
let origin: string;
let databaseUrl: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitForHealth(url: string, deadline = Date.now() + 30_000): Promise<Response> {
  for (;;) {
    try {
      return await fetch(url);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

beforeAll(async () => {
  const env = { ...process.env, NODE_ENV: "production" as const };
  await run(bin("remix"), ["vite:build"], { env });

  const databaseFile = path.join(inject("runDirectory"), "production-server.sqlite");
  copyFileSync(inject("templateDatabase"), databaseFile);
  databaseUrl = `file:${databaseFile}`;
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(bin("remix-serve"), ["build/server/index.js"], {
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
});

afterAll(() => {
  if (server.exitCode === null) server.kill("SIGKILL");
});

describe("the production build", () => {
  it("starts and answers its health route", async () => {
    const response = await waitForHealth(`${origin}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("accepts a signed webhook over HTTP and rejects a forged one", async () => {
    const { createDbClient } = await import("~/db/client.server");
    const serverDb = createDbClient(databaseUrl);
    await serverDb.shop.create({ data: { domain: TEST_SHOP } });
    await waitForHealth(`${origin}/healthz`);

    const deliver = (request: Request) =>
      fetch(new URL("/webhooks/checkouts/create", origin), { method: "POST", headers: request.headers, body: request.body, duplex: "half" } as RequestInit);

    const forged = await deliver(signedWebhookRequest("checkouts/create", checkoutPayload(), { secret: "forged" }));
    const genuine = await deliver(signedWebhookRequest("checkouts/create", checkoutPayload()));

    expect(forged.status).toBe(401);
    expect(genuine.status).toBe(200);
    expect(await serverDb.checkout.count()).toBe(1);
    await serverDb.$disconnect();
  });

  it("shuts down cleanly on SIGTERM, its sequencer schedule included", async () => {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");

    await expect(Promise.race([exited.then(() => "exited"), new Promise((resolve) => setTimeout(resolve, 10_000, "still running"))])).resolves.toBe(
      "exited",
    );
  });
});
