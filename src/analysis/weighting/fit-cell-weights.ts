// Iterative proportional fitting on the size_class × state cells, as survey::rake (Debian's survey 4.1.1):
// each sweep post-stratifies on size_class, then on state; stop when the largest change of the weighted
// size_class × state table is below epsilon. Weights are constant within a cell, so cells suffice.

export interface CellProblem {
  /** Size-class categories (rows) and state categories (columns); cell h = k · states + t. */
  readonly sizeClasses: number;
  readonly states: number;
  /** Respondents per cell. */
  readonly respondents: Float64Array;
  /** Start weight per cell. */
  readonly start: Float64Array;
  /** Population per size class and per state; every category has a respondent. */
  readonly sizeClassTotals: Float64Array;
  readonly stateTotals: Float64Array;
  /** Absolute tolerance on the change of the weighted table. */
  readonly epsilon: number;
  readonly maxSweeps: number;
}

export interface CellFit {
  /** Final weight per cell. */
  readonly weights: Float64Array;
  /** Weight per cell after the size-class step of the last sweep (survey keeps it for the variance). */
  readonly afterFirstMargin: Float64Array;
  readonly sweeps: number;
  readonly converged: boolean;
}

export function fitCellWeights(problem: CellProblem): CellFit {
  const { sizeClasses: rows, states: cols, respondents, epsilon, maxSweeps } = problem;
  const weights = Float64Array.from(problem.start);
  const afterFirstMargin = new Float64Array(weights.length);
  let table = weightedTable(respondents, weights);
  let sweeps = 0;
  while (sweeps < maxSweeps) {
    sweeps++;
    postStratify(respondents, weights, problem.sizeClassTotals, rows, (h) => Math.floor(h / cols));
    afterFirstMargin.set(weights);
    postStratify(respondents, weights, problem.stateTotals, cols, (h) => h % cols);
    const next = weightedTable(respondents, weights);
    if (largestChange(table, next) < epsilon) return { weights, afterFirstMargin, sweeps, converged: true };
    table = next;
  }
  return { weights, afterFirstMargin, sweeps, converged: false };
}

/** survey::postStratify: w ← w · N_category / Σ_category w. */
function postStratify(
  respondents: Float64Array,
  weights: Float64Array,
  totals: Float64Array,
  categories: number,
  categoryOf: (h: number) => number,
): void {
  const sums = new Float64Array(categories);
  const cells = weights.length;
  for (let h = 0; h < cells; h++) sums[categoryOf(h)]! += respondents[h]! * weights[h]!;
  for (let h = 0; h < cells; h++) {
    const category = categoryOf(h);
    if (respondents[h]! > 0) weights[h] = (weights[h]! * totals[category]!) / sums[category]!;
  }
}

function weightedTable(respondents: Float64Array, weights: Float64Array): Float64Array {
  return respondents.map((count, h) => count * weights[h]!);
}

function largestChange(before: Float64Array, after: Float64Array): number {
  let largest = 0;
  for (let h = 0; h < before.length; h++) largest = Math.max(largest, Math.abs(after[h]! - before[h]!));
  return largest;
}
