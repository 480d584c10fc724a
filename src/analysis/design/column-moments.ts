// Per column (one group × value of a table) the sums from which every weighted number of that table
// follows: Σw·y, Σw²·y, and the raking coefficients and basis scores of the raw function w·y. Domain
// influence functions are linear in these (z0 = (w·y − p·w·m) / Σ_D w), so each column is projected once
// and shared by the cells' intervals and the table's Rao-Scott test.
import type { RakingProjection } from './raking-projection.js';
import type { Scratch } from './scratch.js';

export interface ColumnMoments {
  readonly columns: number;
  /** Units (unweighted) per column. */
  readonly units: Float64Array;
  /** Σ w y per column. */
  readonly sums: Float64Array;
  /** Σ w² y per column. */
  readonly squares: Float64Array;
  /** Row-major columns × basis: raking coefficients of w·y (raking-projection.ts). */
  readonly coefficients: Float64Array;
  /** Row-major columns × basis: Σ w y φ (the scores of w·y on the raking basis). */
  readonly scores: Float64Array;
}

/**
 * @param counts row-major `columns × H`: units per column and raking cell
 * @param arena where the moments' arrays come from (default: new arrays)
 */
export function columnMoments(projection: RakingProjection, counts: Float64Array, columns: number, arena?: Scratch): ColumnMoments {
  const { design, basis, sizeClassOf } = projection;
  const cells = design.cellWeight.length;
  const cols = design.states.length;
  const rows = design.sizeClasses.length;
  const { cellWeight: w, cellWeightFirst: v } = design;
  const take = (size: number): Float64Array => (arena ? arena.take(size) : new Float64Array(size));
  const units = take(columns);
  const sums = take(columns);
  const squares = take(columns);
  const coefficients = take(columns * basis);
  const scores = take(columns * basis);
  const cellSums = take(cells);
  const occupied = new Int32Array(cells);
  for (let c = 0; c < columns; c++) {
    const from = c * cells;
    const score = c * basis;
    let count = 0;
    let unitSum = 0;
    let sum = 0;
    let squareSum = 0;
    for (let h = 0; h < cells; h++) {
      const y = counts[from + h]!;
      if (y === 0) continue;
      const wy = w[h]! * y;
      cellSums[h] = wy;
      occupied[count++] = h;
      unitSum += y;
      sum += wy;
      squareSum += w[h]! * wy;
      const k = sizeClassOf[h]!;
      scores[score + k]! += wy * v[h]!;
      scores[score + rows + (h - k * cols)]! += wy * w[h]!;
    }
    units[c] = unitSum;
    sums[c] = sum;
    squares[c] = squareSum;
    scores[score + basis - 1] = sum;
    if (count === 0) continue;
    projection.coefficients(cellSums, coefficients, score, occupied, count);
    for (let i = 0; i < count; i++) cellSums[occupied[i]!] = 0;
  }
  return { columns, units, sums, squares, coefficients, scores };
}
