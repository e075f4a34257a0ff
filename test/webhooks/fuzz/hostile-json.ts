import type { Dice } from "./dice";

/**
 * JSON text of every type and of the edges of each, kept raw so it can be what JSON.stringify never
 * writes: integers past 2^53, escapes of NUL and lone surrogates, out-of-range dates.
 */
const HOSTILE_VALUES = [
  "null",
  "true",
  "false",
  "0",
  "-1",
  "1.5",
  "-0",
  "1e308",
  "1e400",
  "123456789012345678901234567890",
  '""',
  '"   "',
  '"\\u0000"',
  '"a\\u0000b"',
  '"\\ud800"',
  '"💥"',
  '"<script>alert(1)</script>"',
  '"\' OR 1=1 --"',
  '"NaN"',
  '"Infinity"',
  '"0x1F"',
  '"1e5"',
  '"-0.00"',
  '"99999999999999999999999999999999999.99"',
  '"12345678901234567.89"',
  '"-5"',
  '"12a"',
  '"000000000000000000000000000001"',
  '"usd"',
  '"ZZZ"',
  '"+275760-09-13T00:00:00Z"',
  '"-271821-04-20T00:00:00Z"',
  '"0000-01-01T00:00:00Z"',
  '"9999-12-31T23:59:59Z"',
  '"2026-02-30T25:61:61Z"',
  '"2026"',
  '"Fri, 20 Nov 2026 15:44:02 GMT"',
  '"javascript:alert(1)"',
  "[]",
  "[null]",
  '[1,"a",{}]',
  "{}",
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
];

export function hostileJson(dice: Dice): string {
  return dice.pick(HOSTILE_VALUES);
}

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

/** Oversized values: long strings, long arrays, many keys, deep nesting, a number of thousands of digits. */
const HUGE_VALUES: ReadonlyArray<(dice: Dice) => { json: string; description: string }> = [
  (dice) => {
    const length = dice.pick([1_001, 70_000, 250_000]);
    const unit = dice.pick(["a", "é", "💥", "\\", '"', "\n"]);
    return { json: JSON.stringify(unit.repeat(length)), description: `${length} × ${JSON.stringify(unit)}` };
  },
  (dice) => {
    const length = dice.pick([1_001, 5_000]);
    return { json: `[${"1,".repeat(length - 1)}1]`, description: `an array of ${length} numbers` };
  },
  (dice) => {
    const length = dice.pick([1_001, 5_000]);
    const entries = Array.from({ length }, (_, index) => `"k${index}":${index}`);
    return { json: `{${entries.join(",")}}`, description: `an object of ${length} keys` };
  },
  (dice) => {
    const depth = dice.pick([63, 65, 1_000, 20_000]);
    return { json: nested(depth), description: `arrays nested ${depth} deep` };
  },
  (dice) => {
    const digits = dice.pick([31, 5_000]);
    return { json: "9".repeat(digits), description: `a number of ${digits} digits` };
  },
];

export function hugeJson(dice: Dice): { json: string; description: string } {
  return dice.pick(HUGE_VALUES)(dice);
}
