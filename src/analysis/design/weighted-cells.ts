// statistics.md "Weighted" cells: n and base as sums of weights, share = n / base, ci95 as
// svyciprop(~I(value), subset(design, group & !is.na(variable)), method = "xlogit"), its SE as svymean's:
// influence z0 = w·(y − p) / Σ_D w on the domain, the raking adjustment of svyrecvar, and
// var = n / (n − 1) · Σ (z − z̄)² over all n rows (with replacement, one stratum; subset() keeps the rows).
import type { CountCell } from '../results-document.js';
import type { ColumnMoments } from './column-moments.js';
import type { RakingProjection } from './raking-projection.js';
import { Scratch } from './scratch.js';
import { t975Memo, xlogitInterval } from './xlogit-interval.js';

/**
 * @param counts units per group g, value v and raking cell h at `((g · values.length) + v) · cells + h`
 * @param moments columnMoments of `counts` (column g · values.length + v)
 * @param quantile t975 by df, shared by the tables of one document
 * @param arena where the working arrays come from (default: new arrays)
 * @returns per group with units, one cell per value (zeros included)
 */
export function weightedCells(
  projection: RakingProjection,
  counts: Float64Array,
  moments: ColumnMoments,
  groups: readonly string[],
  values: readonly string[],
  quantile: (df: number) => number = t975Memo(),
  arena: Scratch = new Scratch(),
): CountCell[] {
  const { design, basis } = projection;
  const cells = design.cellWeight.length;
  const rows = design.sizeClasses.length;
  const cols = design.states.length;
  const { cellWeight: w, cellWeightFirst: v, cellRespondents: all } = design;
  const width = values.length;
  const scale = design.respondents / (design.respondents - 1);
  const inDomain = arena.take(cells);
  const groupCoefficients = arena.take(basis);
  const coefficient = arena.take(basis);
  const out: CountCell[] = [];
  const { units: columnUnits, sums, coefficients } = moments;
  for (let g = 0; g < groups.length; g++) {
    let units = 0;
    let base = 0;
    groupCoefficients.fill(0);
    inDomain.fill(0);
    for (let value = 0; value < width; value++) {
      const column = g * width + value;
      units += columnUnits[column]!;
      base += sums[column]!;
      for (let j = 0; j < basis; j++) groupCoefficients[j]! += coefficients[column * basis + j]!;
    }
    if (units === 0) continue;
    for (let value = 0; value < width; value++) {
      const column = g * width + value;
      if (columnUnits[column] === 0) continue; // its counts are all 0
      const from = column * cells;
      for (let h = 0; h < cells; h++) inDomain[h]! += counts[from + h]!;
    }
    for (let value = 0; value < width; value++) {
      const column = g * width + value;
      const n = sums[column]!;
      const p = n / base;
      if (!(p > 0 && p < 1)) {
        out.push({ by: groups[g]!, value: values[value]!, n, base, share: p, ci95: xlogitInterval(p, 0, units - 1, quantile) }); // SE unused
        continue;
      }
      // Coefficients of z0 = (w·y − p·w·m) / base: a (size classes), b (states), z̄.
      for (let j = 0; j < basis; j++) coefficient[j] = (coefficients[column * basis + j]! - p * groupCoefficients[j]!) / base;
      const mean = coefficient[basis - 1]!;
      const from = column * cells;
      let squares = 0;
      for (let k = 0, h = 0; k < rows; k++) {
        const a = coefficient[k]!;
        for (let t = 0; t < cols; t++, h++) {
          const everyone = all[h]!;
          if (everyone === 0) continue;
          // Per unit z − z̄: in the domain α·y − β, elsewhere −γ (α = w / base).
          const gamma = v[h]! * a + w[h]! * coefficient[rows + t]! + mean;
          const m = inDomain[h]!;
          if (m === 0) {
            squares += everyone * gamma * gamma;
            continue;
          }
          const alpha = w[h]! / base;
          const y = counts[from + h]!;
          const beta = alpha * p + gamma;
          const hit = alpha - beta;
          squares += y * hit * hit + (m - y) * beta * beta + (everyone - m) * gamma * gamma;
        }
      }
      out.push({ by: groups[g]!, value: values[value]!, n, base, share: p, ci95: xlogitInterval(p, Math.sqrt(scale * squares), units - 1, quantile) });
    }
  }
  return out;
}
