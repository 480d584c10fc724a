import betainc from '@stdlib/math-base-special-betainc';

/** P(F > f) for F(d1, d2) = I_{d2 / (d2 + d1·f)}(d2 / 2, d1 / 2), as R's pf(f, d1, d2, lower.tail = FALSE). */
export function fUpperTail(f: number, d1: number, d2: number): number {
  if (!(f > 0)) return 1;
  if (f === Number.POSITIVE_INFINITY) return 0;
  return betainc(d2 / (d2 + d1 * f), d2 / 2, d1 / 2, true, false);
}
