import { describe, expect, it } from "vitest";
import { sumDailyStats } from "~/dashboard/daily-stat-sums";
import { stepFunnel } from "~/dashboard/step-funnel";
import type { DailyStatRow } from "~/models/daily-stat.server";

const row = (position: number, variantId: number, emailed: number, recoveredRevenueMinor = 0n): DailyStatRow => ({
  ...sumDailyStats([]),
  day: "2026-11-20",
  position,
  variantId,
  emailed,
  recoveredOrders: recoveredRevenueMinor ? 1 : 0,
  recoveredRevenueMinor,
});
const step = (position: number, enabled = true) => ({ position, channel: "email", delayMinutes: position * 60, enabled });
const sent = (funnel: ReturnType<typeof stepFunnel>) =>
  funnel.map((entry) => [entry.position, entry.channel, entry.figures.sent, entry.variants.map((variant) => `${variant.label}:${variant.figures.sent}`)]);

describe("stepFunnel", () => {
  it("lists every enabled step, zeros included, and positions the sequence no longer has but that have figures", () => {
    const funnel = stepFunnel([step(1), step(2, false), step(3)], [row(0, 0, 9), row(1, 0, 5), row(4, 0, 4)], new Map(), "USD");
    expect(sent(funnel)).toEqual([
      [1, "email", 5, []],
      [3, "email", 0, []],
      [4, null, 4, []],
    ]);
  });

  it("adds up a variant's rows by its label, across the ids successive versions gave it", () => {
    const labels = new Map([
      [11, "A"],
      [12, "B"],
      [21, "A"],
    ]);
    const rows = [row(1, 0, 10), row(1, 11, 3, 5_000n), row(1, 12, 4), row(1, 21, 2, 1_999n), row(1, 99, 1)];

    const [first] = stepFunnel([step(1)], rows, labels, "USD");

    expect(sent([first!])).toEqual([[1, "email", 10, ["#99:1", "A:5", "B:4"]]]);
    expect(first!.variants[1]!.figures).toMatchObject({ recoveredOrders: 2, recoveredRevenue: "69.99" });
  });
});
