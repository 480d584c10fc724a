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

const EPSILON = 1e-9;

/** The suppressed cells whose value follows from the published margins by linear algebra. */
export function recoverableCells(pattern: VariableSuppression): SuppressedCell[] {
  const unknowns: SuppressedCell[] = [];
  const index = new Map<string, number>();
  const add = (cell: SuppressedCell): void => {
    index.set(key(cell), unknowns.length);
    unknowns.push(cell);
  };
  pattern.all.forEach((on, value) => on && add({ table: 'all', value }));
  pattern.tables.forEach((table, t) => table.forEach((row, value) => row.forEach((on, group) => on && add({ table: t, value, group }))));
  if (unknowns.length === 0) return [];
  const equations: number[][] = [];
  const equation = (cells: readonly { cell: SuppressedCell; sign: number }[]): void => {
    const row = new Array<number>(unknowns.length).fill(0);
    for (const { cell, sign } of cells) {
      const at = index.get(key(cell));
      if (at !== undefined) row[at] = sign;
    }
    if (row.some((x) => x !== 0)) equations.push(row);
  };
  const allCells = pattern.all.map((_, value) => ({ cell: { table: 'all' as const, value }, sign: 1 }));
  equation(allCells);
  pattern.tables.forEach((table, t) => {
    const groups = [...(table[0] ?? []).keys()];
    const withheld = pattern.withheld.tables[t] ?? [];
    const column = (group: number) => table.map((_, value) => ({ cell: { table: t, value, group }, sign: 1 }));
    for (const group of groups) if (!withheld[group]) equation(column(group));
    equation(groups.filter((group) => withheld[group]).flatMap(column));
    table.forEach((row, value) =>
      equation([...row.map((_, group) => ({ cell: { table: t, value, group }, sign: 1 })), { cell: { table: 'all', value }, sign: -1 }]),
    );
  });
  return determined(equations, unknowns.length).map((column) => unknowns[column]!);
}

/** Columns of `matrix` fixed by it: pivot columns whose reduced row has no free column. */
function determined(matrix: number[][], columns: number): number[] {
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

function key(cell: SuppressedCell): string {
  return `${cell.table}/${cell.value}/${cell.group ?? ''}`;
}
