import binomcoefln from '@stdlib/math-base-special-binomcoefln';

/** R's fisher.test: densities within this factor of the observed one count as "as extreme". */
const RELATIVE_ERROR = 1 + 1e-7;

/**
 * Two-sided p of Fisher's exact test on the 2×2 table [[a, b], [c, d]], as R's `fisher.test`: the sum of
 * the hypergeometric probabilities (margins fixed) that are ≤ the observed one × (1 + 1e-7).
 */
export function fisherExactTest(a: number, b: number, c: number, d: number): number {
  const m = a + c;
  const n = b + d;
  const k = a + b;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const logDensities = new Float64Array(hi - lo + 1);
  let max = Number.NEGATIVE_INFINITY;
  for (let x = lo; x <= hi; x++) {
    const logDensity = binomcoefln(m, x) + binomcoefln(n, k - x);
    logDensities[x - lo] = logDensity;
    max = Math.max(max, logDensity);
  }
  let total = 0;
  for (let i = 0; i < logDensities.length; i++) total += Math.exp(logDensities[i]! - max);
  const observed = Math.exp(logDensities[a - lo]! - max);
  let p = 0;
  for (let i = 0; i < logDensities.length; i++) {
    const density = Math.exp(logDensities[i]! - max);
    if (density <= observed * RELATIVE_ERROR) p += density;
  }
  return Math.min(1, p / total);
}
