import { mkdirSync } from "node:fs";
import path from "node:path";

/** A folder for one run's files (SQLite databases, CPU profiles), under bench/.results/, which git ignores. */
export function createRunFolder(bench: string): string {
  const folder = path.resolve("bench/.results", `${bench}-${new Date().toISOString().replace(/[:.]/g, "-")}`);
  mkdirSync(folder, { recursive: true });
  return folder;
}
