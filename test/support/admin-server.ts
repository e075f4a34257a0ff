import { afterAll, beforeAll } from "vitest";
import type { BrowserContext } from "playwright-core";
import { ensureBuild, freePort, startAppServer } from "../../scripts/app-server";
import { launchBrowser } from "./browser";

/**
 * Registers the hooks of a browser test file: the production build served by server.ts on this test
 * file's own database (so factories seed what the pages show), and one Chromium for the file.
 */
export function useAdminServer(): { origin: string; browser: BrowserContext } {
  const world = {} as { origin: string; browser: BrowserContext; stop: () => Promise<void> };
  beforeAll(async () => {
    await ensureBuild();
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const server = await startAppServer(port, { ...process.env, SHOPIFY_APP_URL: origin, SEQUENCER_SCHEDULE: "off", LOG_LEVEL: "warn" });
    Object.assign(world, { origin, stop: server.stop, browser: await launchBrowser() });
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.stop?.();
  });
  return world;
}
