import { unitHash } from "./stable-hash";

/** One arm of a step's A/B test as assignment sees it: a relative, positive integer weight. */
export interface WeightedVariant {
  id: number;
  label: string;
  weight: number;
}

/**
 * The variant an enrollment gets at a step, with chances proportional to the weights. Decided by a hash
 * of (enrollment, step) rather than a random draw, so a retried or re-rendered send shows the same
 * variant, and the order the variants arrive in does not matter.
 */
export function assignVariant<V extends WeightedVariant>(variants: readonly V[], enrollmentId: number, stepId: number): V {
  if (variants.length === 0) throw new RangeError("A step needs at least one variant to assign");
  for (const { label, weight } of variants) {
    if (!Number.isInteger(weight) || weight <= 0) throw new RangeError(`Variant ${label} needs a positive integer weight, not ${weight}`);
  }
  const ordered = [...variants].sort((a, b) => a.id - b.id);
  const total = ordered.reduce((sum, variant) => sum + variant.weight, 0);
  let point = Math.floor(unitHash(`variant:${stepId}:${enrollmentId}`) * total);
  for (const variant of ordered.slice(0, -1)) {
    if (point < variant.weight) return variant;
    point -= variant.weight;
  }
  return ordered.at(-1)!;
}
