import { Cron } from "croner";
import { logger } from "~/lib/logger.server";

/**
 * Runs the sequencer on a cron expression inside this process. `protect` skips a tick while the
 * previous one still runs; other processes may tick at the same time, which claims make safe. The
 * timer is unref'd so that a server closing on SIGTERM can exit instead of waiting for the next tick.
 */
export function scheduleTicks(expression: string, tick: (now: Date) => Promise<unknown>): Cron {
  const options = {
    name: "comeback-sequencer",
    protect: true,
    unref: true,
    catch: (error: unknown) => logger.error("Sequencer tick failed", { error }),
  };
  return new Cron(expression, options, async () => {
    await tick(new Date());
  });
}
