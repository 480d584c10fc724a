// Whether published sums pin hidden counts although they do not fix them linearly: counts are whole and
// never negative, so n1 + n2 + n3 = 6 and 3·n1 + 5·n2 + 8·n3 = 32 allow (2, 2, 2) only. A depth-first
// search over the unknowns, pruned by each sum's remaining total; ours because the question is tiny (a
// column's hidden cells) and the product needs no integer-programming solver for it.

/** Σ coefficients[i] · n[i] = the same sum over the true counts; coefficients ≥ 0, one per unknown. */
export interface WholeSum {
  readonly coefficients: readonly number[];
}

/** Search nodes after which the answer is "no other solution found" (the caller then hides more). */
const BUDGET = 200_000;

/**
 * True when some whole, non-negative n other than `truth` meets every sum; false when none does or the
 * search ran out of budget (treat as pinned). The first sum must have every coefficient > 0 (the column's
 * count of the hidden cells), which bounds each unknown.
 */
export function hasOtherWholeSolution(truth: readonly number[], sums: readonly WholeSum[]): boolean {
  const totals = sums.map(({ coefficients }) => coefficients.reduce((total, c, i) => total + c * truth[i]!, 0));
  // Per sum, whether any unknown from i on still takes part in it.
  const later = sums.map(({ coefficients }) => {
    const out = new Array<boolean>(truth.length + 1).fill(false);
    for (let i = truth.length - 1; i >= 0; i--) out[i] = out[i + 1]! || coefficients[i]! > 0;
    return out;
  });
  let nodes = 0;
  const search = (i: number, remaining: readonly number[], same: boolean): boolean => {
    if (++nodes > BUDGET) return false;
    if (remaining.some((left, s) => left < 0 || (left > 0 && !later[s]![i]))) return false;
    if (i === truth.length) return !same;
    const bound = Math.min(...sums.map(({ coefficients }, s) => (coefficients[i]! > 0 ? Math.floor(remaining[s]! / coefficients[i]!) : Infinity)));
    for (let n = bound; n >= 0; n--) {
      if (search(i + 1, remaining.map((left, s) => left - sums[s]!.coefficients[i]! * n), same && n === truth[i])) return true;
    }
    return false;
  };
  return search(0, totals, true);
}
