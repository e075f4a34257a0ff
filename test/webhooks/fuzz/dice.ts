import { seededRandom } from "~/experiments/seeded-random";

/** Everything the fuzzer draws follows from one seed, so a failing case can be replayed on its own. */
export interface Dice {
  /** An integer in [0, limit). */
  below(limit: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of the values, each as likely as its weight. */
  weighted<T>(choices: ReadonlyArray<readonly [weight: number, value: T]>): T;
}

export function seededDice(seed: number): Dice {
  const random = seededRandom(seed);
  const below = (limit: number) => Math.floor(random() * limit);
  return {
    below,
    chance: (probability) => random() < probability,
    pick: (items) => items[below(items.length)]!,
    weighted(choices) {
      let roll = random() * choices.reduce((sum, [weight]) => sum + weight, 0);
      for (const [weight, value] of choices) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return choices[choices.length - 1]![1];
    },
  };
}
