import path from "node:path";

/** Every run works in a folder of its own, so test runs can overlap (two terminals, parallel agents). */
export const TEST_TMP_ROOT = path.resolve("test/.tmp");

/** The suite runs once per database, as two Vitest projects with these names. */
export type TestDatabase = "sqlite" | "postgresql";

declare module "vitest" {
  export interface ProvidedContext {
    database: TestDatabase;
    runDirectory: string;
    /** A migrated database each test file copies: a SQLite file, or a PostgreSQL database's name. */
    templateDatabase: string;
  }
}
