import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** Φ⁻¹(0.975) = 1.959963984540054 (statistics.md "Unweighted"). */
export const Z_95 = normalQuantile(0.975, 0, 1);

/**
 * Wilson score interval for x successes in n > 0 trials, as R's `prop.test(x, n, correct = FALSE)$conf.int`
 * (including its 0 at x = 0 and 1 at x = n).
 */
export function wilsonInterval(x: number, n: number, z = Z_95): [number, number] {
  const p = x / n;
  const z22n = (z * z) / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  const lower = p <= 0 ? 0 : (p + z22n - spread) / (1 + 2 * z22n);
  const upper = p >= 1 ? 1 : (p + z22n + spread) / (1 + 2 * z22n);
  return [Math.max(lower, 0), Math.min(upper, 1)];
}
