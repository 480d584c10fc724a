// statistics.md "Weighted" cells: n and base as sums of weights, share = n / base, ci95 as
// svyciprop(~I(value), subset(design, group & !is.na(variable)), method = "xlogit"), its SE as svymean's:
// influence z0 = w·(y − p) / Σ_D w on the domain, the raking adjustment of svyrecvar, and
// var = n / (n − 1) · Σ (z − z̄)² over all n rows (with replacement, one stratum; subset() keeps the rows).
import type { CountCell } from '../results-document.js';
import type { ColumnMoments } from './column-moments.js';
import type { RakingProjection } from './raking-projection.js';
import { Scratch } from './scratch.js';
import { xlogitInterval } from './xlogit-interval.js';

/** Receives a table's cells in order (a helper thread packs them instead of building objects). */
export interface CellSink {
  cell(by: string, value: string, n: number, base: number, share: number, ci95: [number, number]): void;
}

/**
 * @param moments columnMoments of the table's counts (column g · values.length + v)
 * @param arena where the working arrays come from (default: new arrays)
 * @returns per group with units, one cell per value (zeros included)
 */
export function weightedCells(
  projection: RakingProjection,
  moments: ColumnMoments,
  groups: readonly string[],
  values: readonly string[],
  arena: Scratch = new Scratch(),
): CountCell[] {
  const out: CountCell[] = [];
  emitWeightedCells(projection, moments, groups, values, arena, { cell: (by, value, n, base, share, ci95) => out.push({ by, value, n, base, share, ci95 }) });
  return out;
}

/** weightedCells, each cell handed to `sink` as it is computed. */
export function emitWeightedCells(
  projection: RakingProjection,
  moments: ColumnMoments,
  groups: readonly string[],
  values: readonly string[],
  arena: Scratch,
  sink: CellSink,
): void {
  const { design, basis, gram } = projection;
  const width = values.length;
  const scale = design.respondents / (design.respondents - 1);
  const group = { coefficients: arena.take(basis), scores: arena.take(basis) };
  const coefficient = arena.take(basis);
  const { units: columnUnits, sums, squares: columnSquares, coefficients, scores } = moments;
  for (let g = 0; g < groups.length; g++) {
    let units = 0;
    let base = 0;
    let groupSquares = 0;
    group.coefficients.fill(0);
    group.scores.fill(0);
    for (let value = 0; value < width; value++) {
      const column = g * width + value;
      units += columnUnits[column]!;
      base += sums[column]!;
      groupSquares += columnSquares[column]!;
      for (let j = 0; j < basis; j++) {
        group.coefficients[j]! += coefficients[column * basis + j]!;
        group.scores[j]! += scores[column * basis + j]!;
      }
    }
    if (units === 0) continue;
    let se = Number.NaN;
    for (let value = 0; value < width; value++) {
      const column = g * width + value;
      const n = sums[column]!;
      const p = n / base;
      // Two values: the second's influence function is minus the first's (y₂ = m − y₁), so the same SE.
      if (p > 0 && p < 1 && !(width === 2 && value === 1)) {
        // z0 = (w·y − p·w·m) / base with coefficients c and scores s on the basis X: the adjusted, centred
        // function is z0 − Xc, so Σ (z0 − Xc)² = Σ z0² − 2 c·s + cᵀ Φ c (y ⊂ m, so Σ w² y m = Σ w² y).
        let squares = ((1 - 2 * p) * columnSquares[column]! + p * p * groupSquares) / (base * base);
        for (let j = 0; j < basis; j++) {
          coefficient[j] = (coefficients[column * basis + j]! - p * group.coefficients[j]!) / base;
          squares -= (2 * coefficient[j]! * (scores[column * basis + j]! - p * group.scores[j]!)) / base;
        }
        squares += quadraticForm(gram, coefficient, design.sizeClasses.length, design.states.length);
        // max: rounding can leave a variance the raking makes 0 slightly negative.
        se = Math.sqrt(scale * Math.max(squares, 0));
      }
      // p = 0 or 1: the interval is [p, p] whatever the SE.
      sink.cell(groups[g]!, values[value]!, n, base, p, xlogitInterval(p, se, units - 1));
    }
  }
}

/**
 * cᵀ Φ c for c = (a; b; z̄) by Φ's blocks: diagonal for the size classes and for the states, a dense size
 * class × state block, and the last row (the basis sums and n).
 */
function quadraticForm(gram: Float64Array, c: Float64Array, rows: number, cols: number): number {
  const basis = rows + cols + 1;
  const last = basis - 1;
  const mean = c[last]!;
  let diagonal = gram[last * basis + last]! * mean * mean;
  let cross = 0;
  for (let k = 0; k < rows; k++) {
    const a = c[k]!;
    const row = k * basis;
    let block = gram[row + last]! * mean;
    for (let t = 0; t < cols; t++) block += gram[row + rows + t]! * c[rows + t]!;
    diagonal += gram[row + k]! * a * a;
    cross += a * block;
  }
  for (let t = rows; t < last; t++) {
    const b = c[t]!;
    diagonal += gram[t * basis + t]! * b * b;
    cross += b * gram[t * basis + last]! * mean;
  }
  return diagonal + 2 * cross;
}
