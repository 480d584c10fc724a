/** Cramér's V = sqrt(X² / (N · (min(r, c) − 1))) (statistics.md "Unweighted"; weighted: Σw and X²_w), rounding kept ≤ 1. */
export function cramersV(statistic: number, total: number, rows: number, cols: number): number {
  return Math.min(1, Math.sqrt(statistic / (total * (Math.min(rows, cols) - 1))));
}
