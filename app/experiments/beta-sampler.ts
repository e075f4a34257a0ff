/** A source of uniform numbers in [0, 1), such as Math.random or seededRandom(seed). */
export type Random = () => number;

/** A draw from Beta(alpha, beta), as X / (X + Y) with X ~ Gamma(alpha) and Y ~ Gamma(beta). */
export function sampleBeta(alpha: number, beta: number, random: Random): number {
  const x = sampleGamma(alpha, random);
  return x / (x + sampleGamma(beta, random));
}

// Marsaglia–Tsang accepts over 95 % of candidates, so this many rejections in a row only happens when
// `random` is not uniform on [0, 1) (a stub returning 1, say); failing beats looping for ever in a send.
const MAX_REJECTIONS = 1000;

/**
 * Marsaglia and Tsang's squeeze-and-reject method (2000). Only shapes of at least 1 are supported: the
 * posteriors here are Beta(1 + successes, 1 + failures), so none is ever smaller.
 */
export function sampleGamma(shape: number, random: Random): number {
  if (!(shape >= 1)) throw new RangeError(`Gamma shape must be at least 1, not ${shape}`);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (let attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
    const x = sampleStandardNormal(random);
    const root = 1 + c * x;
    if (root <= 0) continue;
    const v = root ** 3;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
  throw new RangeError("The random source does not look uniform on [0, 1)");
}

/** Box–Muller; 1 - u keeps the logarithm away from zero, which random() may return. */
function sampleStandardNormal(random: Random): number {
  const radius = Math.sqrt(-2 * Math.log(1 - random()));
  return radius * Math.cos(2 * Math.PI * random());
}
