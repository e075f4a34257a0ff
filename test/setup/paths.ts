import path from "node:path";

/** Every run works in a folder of its own, so test runs can overlap (two terminals, parallel agents). */
export const TEST_TMP_ROOT = path.resolve("test/.tmp");

declare module "vitest" {
  export interface ProvidedContext {
    runDirectory: string;
    templateDatabase: string;
  }
}
