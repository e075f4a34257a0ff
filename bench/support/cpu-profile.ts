import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

/**
 * Runs `work` under V8's CPU profiler when `file` is given and writes the profile there
 * (`bench/profile-summary.ts` reads it); without a file, only runs it.
 */
export async function profiled<Result>(file: string | null, work: () => Promise<Result>): Promise<Result> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
