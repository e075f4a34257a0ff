import { unitHash } from "./stable-hash";

/**
 * Whether a shopper belongs to the shop's holdout group, who are sent nothing so that recovery with
 * emails can be compared with recovery without. Fixed by the shopper's key, so one shopper is treated
 * alike in every enrollment; raising the percentage only adds shoppers to the group, never swaps them.
 */
export function isInHoldout(shopperKey: string, percent: number): boolean {
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new RangeError(`A holdout is a whole percentage from 0 to 100, not ${percent}`);
  return unitHash(`holdout:${shopperKey}`) * 100 < percent;
}
