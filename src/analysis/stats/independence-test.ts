import type { ChiSquareTableTest, FisherTableTest } from '../results-document.js';
import { chiSquareTest } from './chi-square-test.js';
import { cramersV } from './cramers-v.js';
import { fisherExactTest } from './fisher-exact-test.js';

/** statistics.md: Fisher's exact test for a 2×2 table with an expected count below this. */
const FISHER_BELOW = 5;

/**
 * statistics.md "Unweighted" test of a `rows × cols` table (row-major counts) after dropping all-zero
 * rows and columns: null when fewer than 2 of either remain; Fisher for 2×2 with an expected count < 5,
 * else Pearson's X²; Cramér's V always.
 */
export function independenceTest(counts: ArrayLike<number>, rows: number, cols: number): ChiSquareTableTest | FisherTableTest | null {
  const chi2 = chiSquareTest(counts, rows, cols);
  if (chi2.rows < 2 || chi2.cols < 2) return null;
  const cramers_v = cramersV(chi2.statistic, chi2.total, chi2.rows, chi2.cols);
  if (chi2.rows === 2 && chi2.cols === 2 && chi2.minExpected < FISHER_BELOW) {
    const [a = 0, b = 0, c = 0, d = 0] = keptCells(counts, rows, cols);
    return { method: 'fisher', p: fisherExactTest(a, b, c, d), cramers_v };
  }
  return { method: 'chi2', statistic: chi2.statistic, df: chi2.df, p: chi2.p, cramers_v };
}

/** The cells of the rows and columns that are not all zero, row-major. */
function keptCells(counts: ArrayLike<number>, rows: number, cols: number): number[] {
  const lineSum = (from: number, step: number, length: number) => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += counts[from + i * step]!;
    return sum;
  };
  const keptRows = [...Array(rows).keys()].filter((r) => lineSum(r * cols, 1, cols) > 0);
  const keptCols = [...Array(cols).keys()].filter((c) => lineSum(c, cols, rows) > 0);
  return keptRows.flatMap((r) => keptCols.map((c) => counts[r * cols + c]!));
}
