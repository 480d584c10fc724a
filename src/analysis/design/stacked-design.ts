// Several raked waves stacked into one design with the waves as strata (trend tests, issue 9): in R,
// rbind of the waves, svydesign(ids = ~1, strata = ~wave, weights = ~w0) raked through margins crossed
// with the wave (~wave:size_class, ~wave:state), so that each wave is raked to its own margins and
// svyrecvar carries every wave's raking adjustment. The adjustment is then block-diagonal (one raking
// basis per wave, its own centring constant), and the stratified variance Σ_h n_h/(n_h−1) Σ_{i∈h}(z − z̄_h)²
// is the single-design sandwich with n_h/(n_h−1) folded into each wave's squares, scores and Gram block.
import type { ColumnMoments } from './column-moments.js';
import type { RaoScottDesign } from './rao-scott-test.js';
import type { RakingProjection } from './raking-projection.js';
import type { Scratch } from './scratch.js';

export interface StackedBasis extends RaoScottDesign {
  /** Per wave: where its raking basis starts in the stacked one, and n_h / (n_h − 1). */
  readonly offsets: readonly number[];
  readonly scales: readonly number[];
  readonly parts: readonly RakingProjection[];
}

export function stackedBasis(parts: readonly RakingProjection[]): StackedBasis {
  const offsets: number[] = [];
  let basis = 0;
  for (const part of parts) {
    offsets.push(basis);
    basis += part.basis;
  }
  const scales = parts.map((part) => part.design.respondents / (part.design.respondents - 1));
  const gram = new Float64Array(basis * basis);
  const start = new Int32Array(basis + 1);
  const column: number[] = [];
  parts.forEach((part, w) => {
    const o = offsets[w]!;
    const b = part.basis;
    for (let i = 0; i < b; i++) {
      for (let j = 0; j < b; j++) gram[(o + i) * basis + o + j] = scales[w]! * part.gram[i * b + j]!;
      for (let e = part.gramColumns.start[i]!; e < part.gramColumns.start[i + 1]!; e++) column.push(o + part.gramColumns.column[e]!);
      start[o + i + 1] = column.length;
    }
  });
  const respondents = parts.reduce((sum, part) => sum + part.design.respondents, 0);
  return { basis, gram, gramColumns: { start, column: Int32Array.from(column) }, design: { respondents }, offsets, scales, parts };
}

/**
 * The moments of the wave × value table of one group: column w · values + v of the result is column
 * `group · values + v` of wave w's moments (columnMoments on that wave's raking projection).
 */
export function stackedMoments(stacked: StackedBasis, perWave: readonly ColumnMoments[], group: number, values: number, arena: Scratch): ColumnMoments {
  const { basis, offsets, scales } = stacked;
  const columns = perWave.length * values;
  const units = arena.take(columns);
  const sums = arena.take(columns);
  const squares = arena.take(columns);
  const coefficients = arena.take(columns * basis);
  const scores = arena.take(columns * basis);
  perWave.forEach((moments, w) => {
    const b = stacked.parts[w]!.basis;
    const o = offsets[w]!;
    const s = scales[w]!;
    for (let v = 0; v < values; v++) {
      const from = group * values + v;
      const to = w * values + v;
      units[to] = moments.units[from]!;
      sums[to] = moments.sums[from]!;
      squares[to] = s * moments.squares[from]!;
      for (let j = 0; j < b; j++) {
        coefficients[to * basis + o + j] = moments.coefficients[from * b + j]!;
        scores[to * basis + o + j] = s * moments.scores[from * b + j]!;
      }
    }
  });
  return { columns, units, sums, squares, coefficients, scores };
}
