// The attacker's view of one variable's public tables: every published sum (group bases, the joint sum
// of a table's withheld bases, the all table as row margins, its base) is a linear equation in the
// suppressed cells. A suppressed cell is
// recoverable when the equations fix its value, i.e. when no solution of the homogeneous system moves it.
// Checks suppressVariable's heuristic exactly; bounds from non-negativity (interval attacks) are not used.
import type { VariableSuppression } from './suppress-variable.js';

export interface SuppressedCell {
  /** Index of the grouping table, or "all". */
  readonly table: number | 'all';
  readonly value: number;
  /** Group index in the grouping table; absent for the all table. */
  readonly group?: number;
}

/** Per row, the cells of `coarse` groups in one table sum to those of `fine` groups in another. */
export interface TableLink {
  readonly coarse: { readonly table: number; readonly groups: readonly number[] };
  readonly fine: { readonly table: number; readonly groups: readonly number[] };
}

const EPSILON = 1e-9;

/** The suppressed cells whose value follows from the published margins (and links) by linear algebra. */
export function recoverableCells(pattern: VariableSuppression, links: readonly TableLink[] = []): SuppressedCell[] {
  const unknowns: SuppressedCell[] = [];
  const numbered = (on: boolean, cell: SuppressedCell): number => (on ? unknowns.push(cell) - 1 : -1);
  const allIndex = pattern.all.map((on, value) => numbered(on, { table: 'all', value }));
  const cellIndex = pattern.tables.map((table, t) => table.map((row, value) => row.map((on, group) => numbered(on, { table: t, value, group }))));
  if (unknowns.length === 0) return [];
  const equations: Float64Array[] = [];
  /** One published sum: the unknowns among `cells` (indices, −1 for published cells) with their signs. */
  const equation = (cells: readonly (readonly [index: number, sign: number])[]): void => {
    if (!cells.some(([at]) => at !== -1)) return;
    const row = new Float64Array(unknowns.length);
    for (const [at, sign] of cells) if (at !== -1) row[at] = sign;
    equations.push(row);
  };
  equation(allIndex.map((at) => [at, 1]));
  pattern.tables.forEach((table, t) => {
    const groups = [...(table[0] ?? []).keys()];
    const withheld = pattern.withheld.tables[t] ?? [];
    const column = (group: number) => table.map((_, value) => [cellIndex[t]![value]![group]!, 1] as const);
    for (const group of groups) if (!withheld[group]) equation(column(group));
    equation(groups.filter((group) => withheld[group]).flatMap(column));
    table.forEach((row, value) => equation([...row.map((_, group) => [cellIndex[t]![value]![group]!, 1] as const), [allIndex[value]!, -1]]));
  });
  for (const { coarse, fine } of links) {
    pattern.all.forEach((_, value) => {
      const side = ({ table, groups }: TableLink['coarse'], sign: number) => groups.map((group) => [cellIndex[table]![value]![group]!, sign] as const);
      equation([...side(coarse, 1), ...side(fine, -1)]);
    });
  }
  return determined(equations, unknowns.length).map((column) => unknowns[column]!);
}

/** Columns of `matrix` fixed by it: pivot columns whose reduced row has no free column. */
function determined(matrix: Float64Array[], columns: number): number[] {
  const pivots: number[] = [];
  let rank = 0;
  for (let column = 0; column < columns && rank < matrix.length; column++) {
    let best = rank;
    for (let r = rank + 1; r < matrix.length; r++) if (Math.abs(matrix[r]![column]!) > Math.abs(matrix[best]![column]!)) best = r;
    if (Math.abs(matrix[best]![column]!) < EPSILON) continue;
    [matrix[rank], matrix[best]] = [matrix[best]!, matrix[rank]!];
    const pivot = matrix[rank]!;
    const scale = pivot[column]!;
    for (let c = 0; c < columns; c++) pivot[c]! /= scale;
    for (let r = 0; r < matrix.length; r++) {
      const factor = matrix[r]![column]!;
      if (r === rank || Math.abs(factor) < EPSILON) continue;
      for (let c = 0; c < columns; c++) matrix[r]![c]! -= factor * pivot[c]!;
    }
    pivots.push(column);
    rank++;
  }
  const isPivot = new Set(pivots);
  return pivots.filter((column, r) => matrix[r]!.every((x, c) => c === column || isPivot.has(c) || Math.abs(x) < EPSILON));
}
