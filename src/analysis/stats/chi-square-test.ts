import gammainc from '@stdlib/math-base-special-gammainc';

export interface ChiSquareResult {
  readonly statistic: number;
  /** (r − 1)(c − 1) over the rows and columns that are not all zero. */
  readonly df: number;
  /** Upper tail of χ²(df) at the statistic; NaN when df = 0. */
  readonly p: number;
  /** Rows and columns that are not all zero, and the table's total. */
  readonly rows: number;
  readonly cols: number;
  readonly total: number;
  /** Smallest expected count among the kept cells (for the choice of Fisher's test on 2×2 tables). */
  readonly minExpected: number;
}

/**
 * Pearson's X² test of independence without continuity correction, as R's `chisq.test(correct = FALSE)`
 * on the table with its all-zero rows and columns dropped; `counts` row-major `rows × cols`.
 * p = Q(df/2, X²/2), the regularised upper incomplete gamma (stdlib; exact in the far tail, where 1 − CDF is 0).
 */
export function chiSquareTest(counts: ArrayLike<number>, rows: number, cols: number): ChiSquareResult {
  const { statistic, minExpected, rowSums, colSums, total } = pearson(counts, rows, cols);
  const keptRows = positives(rowSums);
  const keptCols = positives(colSums);
  const df = (keptRows - 1) * (keptCols - 1);
  const p = df > 0 ? gammainc(statistic / 2, df / 2, true, true) : Number.NaN;
  return { statistic, df, p, rows: keptRows, cols: keptCols, total, minExpected };
}

/** X² of chiSquareTest alone (no p-value). */
export function pearsonStatistic(counts: ArrayLike<number>, rows: number, cols: number): number {
  return pearson(counts, rows, cols).statistic;
}

function pearson(counts: ArrayLike<number>, rows: number, cols: number) {
  const rowSums = new Float64Array(rows);
  const colSums = new Float64Array(cols);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const count = counts[r * cols + c]!;
      rowSums[r] = rowSums[r]! + count;
      colSums[c] = colSums[c]! + count;
      total += count;
    }
  }
  let statistic = 0;
  let minExpected = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rows; r++) {
    if (rowSums[r]! <= 0) continue;
    for (let c = 0; c < cols; c++) {
      if (colSums[c]! <= 0) continue;
      const expected = (rowSums[r]! * colSums[c]!) / total;
      const difference = counts[r * cols + c]! - expected;
      statistic += (difference * difference) / expected;
      if (expected < minExpected) minExpected = expected;
    }
  }
  return { statistic, minExpected, rowSums, colSums, total };
}

function positives(sums: Float64Array): number {
  let count = 0;
  for (let i = 0; i < sums.length; i++) if (sums[i]! > 0) count++;
  return count;
}
