// statistics.md "Disclosure control": the primary rule on unweighted counts.

/** Minimum publishable unweighted count; statistics.md: k = 5 by default, set per wave. */
export const DEFAULT_K = 5;

/** A count that is published only when it is 0 or at least `k` (rule 0 < n < k). */
export function isSmallCount(n: number, k: number): boolean {
  return n > 0 && n < k;
}
