import { scheduledJobs, type Cron } from "croner";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "~/db/client.server";
import { scheduleTicks } from "~/sequencer/schedule-ticks.server";
import { startSequencerSchedule } from "~/services.server";
import { createCheckout } from "../factories/recovery";
import { createShop } from "../factories/shop";
import { resetDatabase } from "../support/database";

// The app reads its configuration once, on import: every second, so the in-process schedule ticks within the test.
vi.hoisted(() => {
  process.env.SEQUENCER_SCHEDULE = "* * * * * *";
});

const EVERY_TEN_SECONDS = "*/10 * * * * *";
const secondsPast3pm = (seconds: number) => new Date(Date.UTC(2026, 10, 20, 15, 0, seconds));

const schedules: Cron[] = [];
/** A schedule stopped after the test, whatever happens in it: croner refuses a second job of the same name. */
function schedule(expression: string, tick: (now: Date) => Promise<unknown>): Cron {
  const job = scheduleTicks(expression, tick);
  schedules.push(job);
  return job;
}

afterEach(async () => {
  const jobs = schedules.splice(0);
  for (const job of jobs) job.stop();
  vi.useRealTimers();
  // A tick still running holds database work that the file's teardown would otherwise disconnect under.
  await vi.waitFor(() => expect(jobs.filter((job) => job.isBusy())).toEqual([]), { timeout: 15_000, interval: 20 });
});

describe("scheduleTicks", () => {
  it("ticks at each time the expression names, with that time, and never after it is stopped", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-20T15:00:00.500Z") });
    const ticks: Date[] = [];
    const job = schedule(EVERY_TEN_SECONDS, async (now) => ticks.push(now));

    await vi.advanceTimersByTimeAsync(30_000);
    job.stop();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(ticks).toEqual([secondsPast3pm(10), secondsPast3pm(20), secondsPast3pm(30)]);
  });

  it("skips the ticks that fall while the previous one still runs", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-20T15:00:00.500Z") });
    const ticks: Date[] = [];
    schedule(EVERY_TEN_SECONDS, async (now) => {
      ticks.push(now);
      if (ticks.length === 1) await new Promise((resolve) => setTimeout(resolve, 25_000));
    });

    await vi.advanceTimersByTimeAsync(40_000);

    expect(ticks).toEqual([secondsPast3pm(10), secondsPast3pm(40)]);
  });

  it("goes on ticking after a tick fails", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-20T15:00:00.500Z") });
    const ticks: Date[] = [];
    schedule(EVERY_TEN_SECONDS, async (now) => {
      ticks.push(now);
      if (ticks.length === 1) throw new Error("database is locked");
    });

    await vi.advanceTimersByTimeAsync(20_000);

    expect(ticks).toEqual([secondsPast3pm(10), secondsPast3pm(20)]);
  });
});

describe("startSequencerSchedule", () => {
  it("runs the sequencer in this process on SEQUENCER_SCHEDULE, one schedule however often it is called", async () => {
    await resetDatabase();
    await createShop();
    await createCheckout({ abandonCheckAt: new Date(Date.now() - 60_000) });

    startSequencerSchedule();
    startSequencerSchedule();
    schedules.push(...scheduledJobs);

    await vi.waitFor(async () => expect((await db.checkout.findFirstOrThrow()).status).toBe("abandoned"), { timeout: 1_900, interval: 50 });
  });
});
