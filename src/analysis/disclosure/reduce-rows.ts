// Gauss–Jordan elimination with partial pivoting, shared by the exact check (which cells the published
// sums fix) and the whole-number check (the null space of a column's sums).

/** Below this a pivot or factor counts as 0 (coefficients are small integers). */
export const EPSILON = 1e-9;

/**
 * Reduces `matrix` (rows × `columns`) in place to reduced row echelon form: row r holds pivot r, scaled to 1.
 * @returns the pivot columns, in row order
 */
export function reduceRows(matrix: Float64Array[], columns: number): number[] {
  const pivots: number[] = [];
  let rank = 0;
  for (let column = 0; column < columns && rank < matrix.length; column++) {
    let best = rank;
    for (let r = rank + 1; r < matrix.length; r++) if (Math.abs(matrix[r]![column]!) > Math.abs(matrix[best]![column]!)) best = r;
    if (Math.abs(matrix[best]![column]!) < EPSILON) continue;
    [matrix[rank], matrix[best]] = [matrix[best]!, matrix[rank]!];
    const pivot = matrix[rank]!;
    const scale = pivot[column]!;
    for (let c = column; c < columns; c++) pivot[c]! /= scale;
    for (let r = 0; r < matrix.length; r++) {
      const factor = matrix[r]![column]!;
      if (r === rank || Math.abs(factor) < EPSILON) continue;
      const line = matrix[r]!;
      for (let c = column; c < columns; c++) line[c]! -= factor * pivot[c]!;
    }
    pivots.push(column);
    rank++;
  }
  return pivots;
}
