// statistics.md "Disclosure control" for a single column of counts published with its total (the public
// start page's responses by Land and by size class): 0 < n < k is suppressed, and where that leaves one
// suppressed cell, the smallest other cell too (a zero included: the reader cannot tell it is one), so the
// total minus the shown cells is never a single respondent count.
import { isSmallCount } from './small-count.js';

/** @returns per count whether it is suppressed */
export function suppressedCounts(counts: readonly number[], k: number): boolean[] {
  const suppressed = counts.map((n) => isSmallCount(n, k));
  if (suppressed.filter(Boolean).length !== 1) return suppressed;
  let complement = -1;
  counts.forEach((n, i) => {
    if (!suppressed[i] && (complement < 0 || n < counts[complement]!)) complement = i;
  });
  if (complement >= 0) suppressed[complement] = true;
  return suppressed;
}
