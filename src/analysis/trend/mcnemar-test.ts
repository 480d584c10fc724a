import gammainc from '@stdlib/math-base-special-gammainc';

export interface McNemarResult {
  readonly method: 'mcnemar';
  readonly statistic: number;
  readonly df: 1;
  readonly p: number;
}

/**
 * McNemar's test of a paired 2×2 table from its discordant counts, as R's `mcnemar.test(x)` with its
 * default `correct = TRUE`: X² = (|b − c| − 1)² / (b + c), but R applies the correction only when the
 * table is not symmetric (b ≠ c), so b = c gives X² = 0 and p = 1. Null when b + c = 0 (R: NaN).
 */
export function mcnemarTest(b: number, c: number): McNemarResult | null {
  if (b + c <= 0) return null;
  const difference = b === c ? 0 : Math.abs(b - c) - 1;
  const statistic = (difference * difference) / (b + c);
  return { method: 'mcnemar', statistic, df: 1, p: statistic === 0 ? 1 : gammainc(statistic / 2, 0.5, true, true) };
}
