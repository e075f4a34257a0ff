import path from "node:path";
import { defineConfig } from "vitest/config";

// Kept apart from vite.config.ts: tests import route modules directly and need no Remix plugin.
export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    setupFiles: ["test/setup/per-file.ts"],
    pool: "forks",
    // Vitest's default, one worker fewer than cores, is one worker on two; most files wait on a database,
    // Chromium or a child process more than they compute.
    maxWorkers: 4,
    testTimeout: 20_000,
    // A page's next render, or a write seen from another process, takes seconds beside the rest of the
    // suite on two cores: expect.poll's default second is too short.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 180_000,
    reporters: ["default", "./test/setup/totals-reporter.ts"],
    // The whole suite runs on each database; `--project sqlite` or `--project postgresql` picks one.
    projects: [
      { extends: true, test: { name: "sqlite", globalSetup: ["test/setup/global-setup.ts"], provide: { database: "sqlite" } } },
      { extends: true, test: { name: "postgresql", globalSetup: ["test/setup/global-setup.ts"], provide: { database: "postgresql" } } },
    ],
  },
});
