import path from "node:path";
import { defineConfig } from "prisma/config";
import { createDriverAdapter, databaseUrl } from "./app/db/driver-adapter.server";

// The schema's `url = env("DATABASE_URL")` must resolve even when the embedded default is used.
process.env.DATABASE_URL = databaseUrl();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    return createDriverAdapter();
  },
});
