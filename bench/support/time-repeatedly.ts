import { distribution, type Distribution } from "./percentiles";

export interface Timing extends Distribution {
  /**
   * CPU this process spent per run, in ms, on average. On a machine shared with other work it stays
   * near what the run costs, while wall-clock times grow with the competition for the cores.
   */
  cpuMs: number;
}

/** CPU time (user + system) this process has used so far, in ms. */
export function processCpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Runs `work` a few times unmeasured (the JIT and the database's page cache warm up), then `runs`
 * times one after the other, and returns the spread of the measured durations in ms.
 */
export async function timeRepeatedly(work: () => Promise<unknown>, { warmup, runs }: { warmup: number; runs: number }): Promise<Timing> {
  for (let round = 0; round < warmup; round++) await work();
  const durations: number[] = [];
  const cpuBefore = processCpuNow();
  for (let round = 0; round < runs; round++) {
    const started = performance.now();
    await work();
    durations.push(performance.now() - started);
  }
  return { ...distribution(durations), cpuMs: (processCpuNow() - cpuBefore) / runs };
}
