// The distribution of one score in a peer group and where a unit stands in it.

export interface ScoreDistribution {
  /** Units of the group with this score. */
  readonly n: number;
  readonly mean: number;
  /** Quartiles as R's quantile(type = 7). */
  readonly p25: number;
  readonly median: number;
  readonly p75: number;
}

/** Mid-rank percentile 0…100: share of the group below the score plus half of those equal to it. */
export function percentileOf(score: number, sortedScores: readonly number[]): number {
  let below = 0;
  let equal = 0;
  for (const value of sortedScores) {
    if (value < score) below += 1;
    else if (value === score) equal += 1;
    else break;
  }
  return Math.round((100 * (below + equal / 2)) / sortedScores.length);
}

export function distributionOf(sortedScores: readonly number[]): ScoreDistribution {
  const n = sortedScores.length;
  const mean = sortedScores.reduce((a, b) => a + b, 0) / n;
  return { n, mean: round1(mean), p25: round1(quantile(sortedScores, 0.25)), median: round1(quantile(sortedScores, 0.5)), p75: round1(quantile(sortedScores, 0.75)) };
}

function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
