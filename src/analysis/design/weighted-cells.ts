// statistics.md "Weighted" cells: n and base as sums of weights, share = n / base, ci95 as
// svyciprop(~I(value), subset(design, group & !is.na(variable)), method = "xlogit"), its SE as svymean's:
// influence z0 = w·(y − p) / Σ_D w on the domain, the raking adjustment of svyrecvar, and
// var = n / (n − 1) · Σ (z − z̄)² over all n rows (with replacement, one stratum; subset() keeps the rows).
import type { CountCell } from '../results-document.js';
import type { ColumnMoments } from './column-moments.js';
import type { RakingProjection } from './raking-projection.js';
import { xlogitInterval } from './xlogit-interval.js';

/**
 * @param counts units per group g, value v and raking cell h at `((g · values.length) + v) · cells + h`
 * @param moments columnMoments of `counts` (column g · values.length + v)
 * @returns per group with units, one cell per value (zeros included)
 */
export function weightedCells(
  projection: RakingProjection,
  counts: Float64Array,
  moments: ColumnMoments,
  groups: readonly string[],
  values: readonly string[],
): CountCell[] {
  const { design, basis } = projection;
  const cells = design.cellWeight.length;
  const rows = design.sizeClasses.length;
  const cols = design.states.length;
  const { cellWeight: w, cellWeightFirst: v, cellRespondents: all } = design;
  const width = values.length;
  const scale = design.respondents / (design.respondents - 1);
  const inDomain = new Float64Array(cells);
  const groupCoefficients = new Float64Array(basis);
  const coefficient = new Float64Array(basis);
  const out: CountCell[] = [];
  groups.forEach((group, g) => {
    let units = 0;
    let base = 0;
    groupCoefficients.fill(0);
    inDomain.fill(0);
    for (let value = 0; value < width; value++) {
      const column = g * width + value;
      units += moments.units[column]!;
      base += moments.sums[column]!;
      for (let j = 0; j < basis; j++) groupCoefficients[j]! += moments.coefficients[column * basis + j]!;
      for (let h = 0; h < cells; h++) inDomain[h]! += counts[column * cells + h]!;
    }
    if (units === 0) return;
    for (let value = 0; value < width; value++) {
      const column = g * width + value;
      const n = moments.sums[column]!;
      const p = n / base;
      // Coefficients of z0 = (w·y − p·w·m) / base: a (size classes), b (states), z̄.
      for (let j = 0; j < basis; j++) coefficient[j] = (moments.coefficients[column * basis + j]! - p * groupCoefficients[j]!) / base;
      const mean = coefficient[basis - 1]!;
      let squares = 0;
      for (let k = 0, h = 0; k < rows; k++) {
        const a = coefficient[k]!;
        for (let t = 0; t < cols; t++, h++) {
          const everyone = all[h]!;
          if (everyone === 0) continue;
          // Per unit z − z̄: in the domain α·y − β, elsewhere −γ (α = w / base).
          const alpha = w[h]! / base;
          const gamma = v[h]! * a + w[h]! * coefficient[rows + t]! + mean;
          const y = counts[column * cells + h]!;
          const m = inDomain[h]!;
          if (m === 0) {
            squares += everyone * gamma * gamma;
            continue;
          }
          const beta = alpha * p + gamma;
          const hit = alpha - beta;
          squares += y * hit * hit + (m - y) * beta * beta + (everyone - m) * gamma * gamma;
        }
      }
      out.push({ by: group, value: values[value]!, n, base, share: p, ci95: xlogitInterval(p, Math.sqrt(scale * squares), units - 1) });
    }
  });
  return out;
}
