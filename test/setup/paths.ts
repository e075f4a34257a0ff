import path from "node:path";
import type { DatabaseProvider } from "~/db/driver-adapter.server";

/** Every run works in a folder of its own, so test runs can overlap (two terminals, parallel agents). */
export const TEST_TMP_ROOT = path.resolve("test/.tmp");


declare module "vitest" {
  export interface ProvidedContext {
    /** Which database the suite runs on: one Vitest project each. */
    database: DatabaseProvider;
    runDirectory: string;
    /** A migrated database each test file copies: a SQLite file, or a PostgreSQL database's name. */
    templateDatabase: string;
  }
}
