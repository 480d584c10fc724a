// Per column (one group × value of a table) the sums from which every weighted number of that table
// follows: Σw·y, Σw²·y, and the raking coefficients and basis scores of the raw function w·y. Domain
// influence functions are linear in these (z0 = (w·y − p·w·m) / Σ_D w), so each column is projected once
// and shared by the cells' intervals and the table's Rao-Scott test.
import type { RakingProjection } from './raking-projection.js';

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

/** @param counts row-major `columns × H`: units per column and raking cell */
export function columnMoments(projection: RakingProjection, counts: Float64Array, columns: number): ColumnMoments {
  const { design, basis } = projection;
  const cells = design.cellWeight.length;
  const cols = design.states.length;
  const rows = design.sizeClasses.length;
  const { cellWeight: w, cellWeightFirst: v } = design;
  const units = new Float64Array(columns);
  const sums = new Float64Array(columns);
  const squares = new Float64Array(columns);
  const coefficients = new Float64Array(columns * basis);
  const scores = new Float64Array(columns * basis);
  const cellSums = new Float64Array(cells);
  const occupied = new Int32Array(cells);
  const sizeClassOf = Int32Array.from({ length: cells }, (_, h) => (h / cols) | 0);
  for (let c = 0; c < columns; c++) {
    const from = c * cells;
    const score = c * basis;
    let count = 0;
    let sum = 0;
    for (let h = 0; h < cells; h++) {
      const y = counts[from + h]!;
      if (y === 0) continue;
      const wy = w[h]! * y;
      cellSums[h] = wy;
      occupied[count++] = h;
      units[c]! += y;
      sum += wy;
      squares[c]! += w[h]! * wy;
      const k = sizeClassOf[h]!;
      scores[score + k]! += wy * v[h]!;
      scores[score + rows + (h - k * cols)]! += wy * w[h]!;
    }
    sums[c] = sum;
    scores[score + basis - 1] = sum;
    if (count === 0) continue;
    projection.coefficients(cellSums, coefficients.subarray(score, score + basis), occupied.subarray(0, count));
    for (let i = 0; i < count; i++) cellSums[occupied[i]!] = 0;
  }
  return { columns, units, sums, squares, coefficients, scores };
}
